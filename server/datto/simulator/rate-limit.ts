import type { Clock } from "../../lib/clock";
import { BLOCK_AFTER_429S } from "./unknowns";
import { WRITE_OPERATION } from "./write-operations";

/** Datto's quotas (API.md §3); benches and scenarios may change them. */
export interface RateLimits {
  readsPerMinute: number;
  writesPerMinute: number;
  writesPerOperation: number;
  /** `device-udf-set` has its own, larger quota. */
  udfWritesPerOperation: number;
  /** 429s within the window after which the caller is blocked with 403. */
  blockAfter429s: number;
  blockMs: number;
}

export const DATTO_RATE_LIMITS: RateLimits = {
  readsPerMinute: 600,
  writesPerMinute: 600,
  writesPerOperation: 100,
  udfWritesPerOperation: 600,
  blockAfter429s: BLOCK_AFTER_429S,
  blockMs: 5 * 60_000,
};

export const WINDOW_MS = 60_000;
export const CUT_OFF_RATIO = 0.9;
const SLOW_DOWN_MS = 1000;

/** Timestamps within a rolling window; amortised O(1) pruning. */
class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  count(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - WINDOW_MS)
      this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export type Admission =
  | { kind: "ok"; delayMs: number }
  | { kind: "limited"; message: string }
  | { kind: "blocked"; until: number };

export interface RateLimiter {
  /** Until when the caller's IP is blocked after repeated 429s (0: not blocked). */
  blockedUntil(): number;
  admitRead(): Admission;
  admitWrite(operation: string): Admission;
  readCount(): number;
  writeCount(): number;
  operationCounts(): Record<string, { limit: number; count: number }>;
  limits(): RateLimits;
}

export function createRateLimiter(
  clock: Clock,
  limits: RateLimits,
  operations: readonly string[],
): RateLimiter {
  const reads = new SlidingWindow();
  const writes = new SlidingWindow();
  const perOperation = new Map<string, SlidingWindow>();
  const rejections = new SlidingWindow();
  let blockedUntil = 0;
  const opLimit = (op: string) =>
    op === WRITE_OPERATION.udfSet ? limits.udfWritesPerOperation : limits.writesPerOperation;
  const opWindow = (op: string) => {
    let w = perOperation.get(op);
    if (!w) perOperation.set(op, (w = new SlidingWindow()));
    return w;
  };

  const reject = (now: number, message: string): Admission => {
    rejections.add(now);
    // Callers that keep going after 429s get their IP blocked for ~5 minutes (API.md §3).
    if (rejections.count(now) > limits.blockAfter429s) {
      blockedUntil = now + limits.blockMs;
      return { kind: "blocked", until: blockedUntil };
    }
    return { kind: "limited", message };
  };

  return {
    blockedUntil: () => (clock.now() < blockedUntil ? blockedUntil : 0),
    admitRead() {
      const now = clock.now();
      if (now < blockedUntil) return { kind: "blocked", until: blockedUntil };
      if (reads.count(now) >= limits.readsPerMinute) {
        return reject(
          now,
          `Read rate limit of ${limits.readsPerMinute} requests per ${WINDOW_MS / 1000} seconds exceeded for the account.`,
        );
      }
      reads.add(now);
      const used = reads.count(now);
      return {
        kind: "ok",
        delayMs: used > limits.readsPerMinute * CUT_OFF_RATIO ? SLOW_DOWN_MS : 0,
      };
    },
    admitWrite(operation) {
      const now = clock.now();
      if (now < blockedUntil) return { kind: "blocked", until: blockedUntil };
      const w = opWindow(operation);
      if (writes.count(now) >= limits.writesPerMinute) {
        return reject(
          now,
          `Write rate limit of ${limits.writesPerMinute} requests per ${WINDOW_MS / 1000} seconds exceeded for the account.`,
        );
      }
      if (w.count(now) >= opLimit(operation)) {
        return reject(
          now,
          `Write rate limit of ${opLimit(operation)} requests per ${WINDOW_MS / 1000} seconds exceeded for operation ${operation}.`,
        );
      }
      writes.add(now);
      w.add(now);
      return { kind: "ok", delayMs: 0 };
    },
    readCount: () => reads.count(clock.now()),
    writeCount: () => writes.count(clock.now()),
    operationCounts() {
      const now = clock.now();
      return Object.fromEntries(
        operations.map((op) => [
          op,
          { limit: opLimit(op), count: perOperation.get(op)?.count(now) ?? 0 },
        ]),
      );
    },
    limits: () => limits,
  };
}
