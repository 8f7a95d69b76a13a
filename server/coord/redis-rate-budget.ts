import { setTimeout as sleep } from "node:timers/promises";
import { DattoError } from "../datto/gateway/datto-error";
import type { RateBudget } from "../datto/gateway/rate-budget";
import type { Priority } from "../datto/gateway/types";
import type { SlidingWindow } from "./sliding-window";

const WINDOW_MS = 60_000;
/** As in rate-budget.ts: background work may use only 80% of the reads. */
const INTERACTIVE_RESERVE = 0.2;
/** Longest pause between two tries while the window is full (a slot may free sooner elsewhere). */
const MAX_PAUSE_MS = 1_000;

/**
 * The gateway's rate budget (rate-budget.ts) shared by every instance: one sliding window per
 * bucket in Redis, so three instances together never send more than one budget's reads in any
 * 60 s (decision 0028). Same rules as the in-memory one: background work keeps 20% of the reads
 * free for people; a waiter leaves when its signal aborts. Across instances interactive callers
 * are not queued ahead of background ones; the reserve is what keeps them from waiting long.
 * Without Redis (it cannot be reached) no call is sent: the gateway reports Datto as
 * unreachable rather than spend a budget it cannot count.
 */
export function createRedisRateBudget(
  window: SlidingWindow,
  limits: { reads: number; writesPerOperation: number },
  keyPrefix: string,
): RateBudget {
  const seen = new Map<string, number>();
  let queued = 0;
  const limitOf = (name: string, priority: Priority) => {
    if (name !== "reads") return limits.writesPerOperation;
    return priority === "interactive"
      ? limits.reads
      : limits.reads - Math.floor(limits.reads * INTERACTIVE_RESERVE);
  };

  async function take(name: string, priority: Priority) {
    try {
      return await window.take(`${keyPrefix}budget:${name}`, limitOf(name, priority), WINDOW_MS);
    } catch {
      throw new DattoError(
        "down",
        "The shared rate budget (Redis) cannot be reached: no call to Datto is made without it.",
        { notSent: true },
      );
    }
  }

  return {
    // Never at once: the answer needs a round trip to Redis (acquire below).
    tryAcquire: () => false,
    async acquire(name, priority, signal) {
      queued += 1;
      try {
        for (;;) {
          if (signal?.aborted) throw signal.reason;
          const answer = await take(name, priority);
          if (answer.ok) {
            seen.set(name, answer.used);
            return;
          }
          seen.set(name, limitOf(name, priority));
          // A little jitter, so waiting instances do not all ask again at the same moment.
          const pause = Math.min(answer.waitMs, MAX_PAUSE_MS) + Math.floor(Math.random() * 20);
          await sleep(pause, undefined, signal ? { signal } : {}).catch(() => {
            throw signal?.reason;
          });
        }
      } finally {
        queued -= 1;
      }
    },
    stats() {
      const writes: Record<string, { used: number; limit: number }> = {};
      for (const [name, used] of seen) {
        if (name !== "reads") writes[name] = { used, limit: limits.writesPerOperation };
      }
      return {
        windowSeconds: WINDOW_MS / 1000,
        readsUsed: seen.get("reads") ?? 0,
        readsLimit: limits.reads,
        writes,
        queued,
      };
    },
  };
}
