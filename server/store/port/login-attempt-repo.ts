/** How many failures a key (e.g. `user:alice`, `ip:10.0.0.5`) may collect within a window. */
export type ThrottleLimit = { key: string; maxFailures: number; windowMs: number };

export type ReserveResult =
  | { ok: true; attemptId: string }
  /** Locked: `retryAt` (epoch ms) is when the next attempt will be allowed. */
  | { ok: false; retryAt: number };

/**
 * Failed sign-ins per key, and attempts whose password check is still running. A reserved attempt
 * counts as a failure until it is settled, so parallel guesses cannot all pass one lock check; one
 * that is never settled (its process died) stops counting at `expiresAt`.
 */
export interface LoginAttemptRepo {
  /**
   * In one atomic step: when every key is under its limit (failures within its window plus live
   * reservations), reserves one attempt on each key; otherwise says until when they are locked.
   */
  reserve(input: {
    limits: ThrottleLimit[];
    now: number;
    expiresAt: number;
  }): Promise<ReserveResult>;
  /** The attempt failed: its reservations become failures of `keys` at `at`. */
  settleFailed(attemptId: string, input: { keys: string[]; at: number }): Promise<void>;
  /** The attempt succeeded: its reservations go, and so do the failures of `clearKeys`. */
  settleSucceeded(attemptId: string, input: { clearKeys: string[] }): Promise<void>;
  /** Failure times for `key` at or after `since`, oldest first. */
  failuresSince(key: string, since: number): Promise<number[]>;
  /** Forgets failures and lapsed reservations older than `before`. */
  prune(before: number): Promise<void>;
}
