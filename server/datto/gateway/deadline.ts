import type { Clock } from "../../lib/clock";

export interface Deadline {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * An AbortSignal that fires after `ms` of the injected clock (so ManualClock tests can move it), or
 * when any parent signal aborts. dispose() cancels the timer; always call it.
 */
export function createDeadline(
  clock: Clock,
  ms: number,
  onTimeout: () => Error,
  parents: Array<AbortSignal | undefined> = [],
): Deadline {
  const controller = new AbortController();
  const timer = new AbortController();
  clock.sleep(ms, timer.signal).then(
    () => controller.abort(onTimeout()),
    () => undefined,
  );
  const cleanups: Array<() => void> = [];
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    const onAbort = () => controller.abort(parent.reason);
    parent.addEventListener("abort", onAbort, { once: true });
    cleanups.push(() => parent.removeEventListener("abort", onAbort));
  }
  return {
    signal: controller.signal,
    dispose() {
      timer.abort();
      for (const cleanup of cleanups) cleanup();
    },
  };
}

/** Waits for `promise` but gives up (rejecting with the signal's reason) when `signal` aborts. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // abandoned: its late failure must not surface as unhandled
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
