import type { Clock } from "../../lib/clock";

export interface Deadline {
  signal: AbortSignal;
  /**
   * Waits for `promise` but rejects with the signal's reason once the deadline passes (or a parent
   * aborts). Cheaper than raceSignal(promise, deadline.signal): no listener on the signal.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  dispose(): void;
}

/**
 * Cancels the timer on dispose. A fixed reason: abort() without one builds a DOMException with a
 * stack trace, ~6 µs on every upstream call (docs/decisions/0005-request-overhead.md).
 */
const DISPOSED = Object.freeze(new Error("deadline disposed"));

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
  let expired: Promise<never> | null = null;
  let rejectExpired: ((reason: unknown) => void) | null = null;
  const expire = (reason: unknown) => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    rejectExpired?.(reason);
  };
  clock.sleep(ms, timer.signal).then(
    () => expire(onTimeout()),
    () => undefined,
  );
  const cleanups: Array<() => void> = [];
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      expire(parent.reason);
      break;
    }
    const onAbort = () => expire(parent.reason);
    parent.addEventListener("abort", onAbort, { once: true });
    cleanups.push(() => parent.removeEventListener("abort", onAbort));
  }
  return {
    signal: controller.signal,
    race<T>(promise: Promise<T>): Promise<T> {
      if (controller.signal.aborted) {
        promise.catch(() => undefined); // abandoned: its late failure must not surface as unhandled
        return Promise.reject(controller.signal.reason);
      }
      if (!expired) {
        expired = new Promise<never>((_, reject) => (rejectExpired = reject));
        expired.catch(() => undefined);
      }
      return Promise.race([promise, expired]);
    },
    dispose() {
      timer.abort(DISPOSED);
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
