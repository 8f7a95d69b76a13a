import type { LiveEvent } from "../contract/live";

export type LiveListener = (event: LiveEvent) => void;

/**
 * Where use-cases and background work say that something changed (an alert claimed, a job's
 * progress, a proposal decided), and where the live route (server/routes/live-routes.ts) listens.
 * In one process it is a set of listeners; with several instances a Redis-backed bus with the same
 * two methods carries events between them, so a person sees a change whichever instance serves them.
 */
export interface LiveBus {
  publish(event: LiveEvent): void;
  /** Returns the function that stops listening. */
  subscribe(listener: LiveListener): () => void;
  /** How many listeners this process has (open live streams, mostly). */
  listeners(): number;
}

export function createLiveBus(): LiveBus {
  const listeners = new Set<LiveListener>();
  return {
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners: () => listeners.size,
  };
}
