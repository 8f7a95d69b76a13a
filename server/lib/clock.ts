/**
 * Time is injected everywhere (gateway, simulator, fleet index, sessions) so tests can move it by
 * hand: a token that expires after 100 hours, a 60 s rate window or a 5-minute block are then tested
 * in milliseconds, deterministically.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export interface ManualClock extends Clock {
  /** Moves time forward, waking every sleeper whose deadline has passed, in deadline order. */
  advance(ms: number): Promise<void>;
  set(epochMs: number): Promise<void>;
  /** Number of sleepers still waiting (lets a test wait until code under test has gone to sleep). */
  pendingSleepers(): number;
}

interface Sleeper {
  at: number;
  resolve: () => void;
}

export function createManualClock(startMs = Date.UTC(2026, 10, 2, 9, 0, 0)): ManualClock {
  let current = startMs;
  let sleepers: Sleeper[] = [];

  const wake = async () => {
    for (;;) {
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers[0];
      if (!next || next.at > current) return;
      sleepers = sleepers.slice(1);
      next.resolve();
      // Let the woken code run (and perhaps schedule new sleeps) before waking the next one.
      await flushMicrotasks();
    }
  };

  return {
    now: () => current,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return resolve();
        const onAbort = () => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal?.reason);
        };
        // A loop sleeping on one long-lived signal must not pile up listeners on it.
        const sleeper: Sleeper = {
          at: current + ms,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        sleepers.push(sleeper);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    async advance(ms) {
      current += ms;
      await wake();
    },
    async set(epochMs) {
      current = epochMs;
      await wake();
    },
    pendingSleepers: () => sleepers.length,
  };
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
