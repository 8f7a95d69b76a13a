import type { Clock } from "../../lib/clock";
import type { Priority } from "./types";

const WINDOW_MS = 60_000;

interface Waiter {
  priority: Priority;
  resolve: () => void;
}

interface Bucket {
  limit: number;
  sent: number[];
  queue: Waiter[];
  timerArmed: boolean;
}

/**
 * One shared, rolling 60 s budget for every caller (API.md §3): reads in one bucket, writes in one
 * bucket per operation, each set below Datto's limit. A caller over budget waits in a queue;
 * interactive waiters are served before background ones; a waiter leaves when its signal aborts.
 */
export function createRateBudget(
  clock: Clock,
  limits: { reads: number; writesPerOperation: number },
) {
  const buckets = new Map<string, Bucket>();

  const bucket = (name: string): Bucket => {
    let b = buckets.get(name);
    if (!b) {
      const limit = name === "reads" ? limits.reads : limits.writesPerOperation;
      b = { limit, sent: [], queue: [], timerArmed: false };
      buckets.set(name, b);
    }
    return b;
  };

  const prune = (b: Bucket) => {
    const cutoff = clock.now() - WINDOW_MS;
    while (b.sent.length > 0 && b.sent[0]! <= cutoff) b.sent.shift();
  };

  const pump = (b: Bucket) => {
    prune(b);
    while (b.queue.length > 0 && b.sent.length < b.limit) {
      const index = b.queue.findIndex((w) => w.priority === "interactive");
      const [waiter] = b.queue.splice(index >= 0 ? index : 0, 1);
      b.sent.push(clock.now());
      waiter!.resolve();
    }
    if (b.queue.length > 0 && !b.timerArmed) {
      b.timerArmed = true;
      const wakeIn = Math.max(1, b.sent[0]! + WINDOW_MS - clock.now());
      void clock.sleep(wakeIn).then(() => {
        b.timerArmed = false;
        pump(b);
      });
    }
  };

  /** Takes a slot at once when one is free and nobody waits before us. */
  const tryAcquire = (name: string): boolean => {
    const b = bucket(name);
    prune(b);
    if (b.queue.length > 0 || b.sent.length >= b.limit) return false;
    b.sent.push(clock.now());
    return true;
  };

  return {
    tryAcquire,
    /** Resolves when a slot in the bucket is taken for this request (counted as sent). */
    acquire(name: string, priority: Priority, signal?: AbortSignal): Promise<void> {
      if (tryAcquire(name)) return Promise.resolve();
      const b = bucket(name);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          b.queue = b.queue.filter((w) => w !== waiter);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          priority,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        b.queue.push(waiter);
        pump(b);
      });
    },
    stats() {
      const writes: Record<string, { used: number; limit: number }> = {};
      let queued = 0;
      const reads = bucket("reads");
      for (const [name, b] of buckets) {
        prune(b);
        queued += b.queue.length;
        if (name !== "reads") writes[name] = { used: b.sent.length, limit: b.limit };
      }
      return {
        windowSeconds: WINDOW_MS / 1000,
        readsUsed: reads.sent.length,
        readsLimit: reads.limit,
        writes,
        queued,
      };
    },
  };
}

export type RateBudget = ReturnType<typeof createRateBudget>;
