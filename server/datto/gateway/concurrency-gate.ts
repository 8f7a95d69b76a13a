import type { Priority } from "./types";

interface Waiter {
  priority: Priority;
  grant: () => void;
}

/**
 * Caps requests in flight to Datto. Without it a burst would all be on the wire before the first
 * 429 came back, and a burst of 429s is what earns the 403 block (API.md §3).
 */
export function createConcurrencyGate(max: number) {
  let active = 0;
  let queue: Waiter[] = [];

  const release = () => {
    active -= 1;
    const index = queue.findIndex((w) => w.priority === "interactive");
    const [next] = queue.splice(index >= 0 ? index : 0, 1);
    if (next) {
      active += 1;
      next.grant();
    }
  };

  /** A release function when a slot is free now, else null. */
  const tryAcquire = (): (() => void) | null => {
    if (active >= max) return null;
    active += 1;
    return once(release);
  };

  return {
    tryAcquire,
    /** Resolves with a release function once a slot is free; leaves the queue when aborted. */
    acquire(priority: Priority, signal?: AbortSignal): Promise<() => void> {
      const slot = tryAcquire();
      if (slot) return Promise.resolve(slot);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          queue = queue.filter((w) => w !== waiter);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          priority,
          grant: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(once(release));
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
      });
    },
    stats: () => ({ active, queued: queue.length }),
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

export type ConcurrencyGate = ReturnType<typeof createConcurrencyGate>;
