import type { Clock } from "../lib/clock";
import type { Store } from "../store/store";

/**
 * Per username, 5 failures in 15 minutes lock that name. Per client address the limit is higher,
 * because several technicians behind one office NAT share an address; it is there to stop one
 * client trying many usernames.
 */
export const DEFAULT_THROTTLE = {
  perUser: { maxFailures: 5, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 20, windowMs: 15 * 60_000 },
};

/** A reserved attempt: settle it exactly once, after the password check. */
export type LoginAttempt = { succeeded(): void; failed(): void };

export function createLoginThrottle(deps: {
  store: Store;
  clock: Clock;
  rules?: typeof DEFAULT_THROTTLE;
}) {
  const { store, clock } = deps;
  const rules = deps.rules ?? DEFAULT_THROTTLE;
  // Attempts whose password check is still running count as failures until they settle: the
  // check is slow, and without this every parallel guess would pass the lock before any failed.
  const inFlight = new Map<string, number>();
  const keys = (username: string, ip: string) =>
    [
      [`user:${username.toLowerCase()}`, rules.perUser],
      [`ip:${ip}`, rules.perIp],
    ] as const;
  const adjust = (key: string, by: number) => {
    const next = (inFlight.get(key) ?? 0) + by;
    if (next > 0) inFlight.set(key, next);
    else inFlight.delete(key);
  };

  /** When locked, the epoch ms at which the next attempt will be allowed; otherwise null. */
  function lockedUntil(username: string, ip: string): number | null {
    const now = clock.now();
    let until: number | null = null;
    for (const [key, rule] of keys(username, ip)) {
      // A failure counts for windowMs: at exactly windowMs old it no longer does.
      const failures = store.loginAttempts.failuresSince(key, now - rule.windowMs + 1);
      for (let i = inFlight.get(key) ?? 0; i > 0; i--) failures.push(now);
      if (failures.length < rule.maxFailures) continue;
      // Once the oldest failure that still counts leaves the window, one more try is allowed.
      const freedAt = failures[failures.length - rule.maxFailures]! + rule.windowMs;
      until = Math.max(until ?? 0, freedAt);
    }
    return until;
  }

  function recordFailure(username: string, ip: string) {
    const now = clock.now();
    for (const [key] of keys(username, ip)) store.loginAttempts.recordFailure(key, now);
    store.loginAttempts.prune(now - Math.max(rules.perUser.windowMs, rules.perIp.windowMs));
  }

  /** A success clears the username's count, not the address's: one valid account must not
   * reset the counter an attacker on that address is spending on other names. */
  function recordSuccess(username: string) {
    store.loginAttempts.clear(`user:${username.toLowerCase()}`);
  }

  return {
    lockedUntil,
    /**
     * Checks the lock and, when open, reserves the attempt in the same synchronous step, so
     * concurrent attempts cannot all slip past one lock check.
     */
    reserve(username: string, ip: string): { retryAt: number } | { attempt: LoginAttempt } {
      const retryAt = lockedUntil(username, ip);
      if (retryAt !== null) return { retryAt };
      const reserved = keys(username, ip).map(([key]) => key);
      reserved.forEach((key) => adjust(key, 1));
      let settled = false;
      const settle = (record: () => void) => {
        if (settled) return;
        settled = true;
        reserved.forEach((key) => adjust(key, -1));
        record();
      };
      return {
        attempt: {
          succeeded: () => settle(() => recordSuccess(username)),
          failed: () => settle(() => recordFailure(username, ip)),
        },
      };
    },
  };
}
