import type { Clock } from "../../lib/clock";
import type { Priority } from "./types";

const WINDOW_MS = 60_000;

interface Waiter {
  priority: Priority;
  resolve: () => void;
}

interface Bucket {
  limit: number;
  /** Slots background work may not take: left for people clicking while a walk or crawl runs. */
  reserved: number;
  sent: number[];
  queue: Waiter[];
  timerArmed: boolean;
}

/**
 * One shared, rolling 60 s budget for every caller (API.md §3): reads in one bucket, writes in one
 * bucket per operation, each set below Datto's limit. A caller over budget waits in a queue;
 * interactive waiters are served before background ones; a waiter leaves when its signal aborts.
 * Background work (fleet walks, software crawls) may use only 80% of the reads: a fleet-wide crawl
 * must not make a technician's device page wait for the window to roll over.
 */
const INTERACTIVE_RESERVE = 0.2;

export function createRateBudget(
  clock: Clock,
  limits: { reads: number; writesPerOperation: number },
) {
  const buckets = new Map<string, Bucket>();

  const bucket = (name: string): Bucket => {
    let b = buckets.get(name);
    if (!b) {
      const limit = name === "reads" ? limits.reads : limits.writesPerOperation;
      const reserved = name === "reads" ? Math.floor(limit * INTERACTIVE_RESERVE) : 0;
      b = { limit, reserved, sent: [], queue: [], timerArmed: false };
      buckets.set(name, b);
    }
    return b;
  };

  const prune = (b: Bucket) => {
    const cutoff = clock.now() - WINDOW_MS;
    while (b.sent.length > 0 && b.sent[0]! <= cutoff) b.sent.shift();
  };

  const hasRoom = (b: Bucket, priority: Priority) =>
    b.sent.length < (priority === "interactive" ? b.limit : b.limit - b.reserved);

  const pump = (b: Bucket) => {
    prune(b);
    for (;;) {
      const interactive = b.queue.findIndex((w) => w.priority === "interactive");
      const index = interactive >= 0 ? interactive : 0;
      const next = b.queue[index];
      if (!next || !hasRoom(b, next.priority)) break;
      b.queue.splice(index, 1);
      b.sent.push(clock.now());
      next.resolve();
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

  /** Takes a slot at once when one is free for this priority and nobody waits before us. */
  const tryAcquire = (name: string, priority: Priority): boolean => {
    const b = bucket(name);
    prune(b);
    if (b.queue.length > 0 || !hasRoom(b, priority)) return false;
    b.sent.push(clock.now());
    return true;
  };

  return {
    tryAcquire,
    /** Resolves when a slot in the bucket is taken for this request (counted as sent). */
    acquire(name: string, priority: Priority, signal?: AbortSignal): Promise<void> {
      if (tryAcquire(name, priority)) return Promise.resolve();
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
