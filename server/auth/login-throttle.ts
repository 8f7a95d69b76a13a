import type { Clock } from "../lib/clock";
import type { Store } from "../store/store";

export type ThrottleRule = { maxFailures: number; windowMs: number };

/**
 * Per username, 5 failures in 15 minutes lock that name. Per client address the limit is higher,
 * because several technicians behind one office NAT share an address; it is there to stop one
 * client trying many usernames.
 */
export const DEFAULT_THROTTLE = {
  perUser: { maxFailures: 5, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 20, windowMs: 15 * 60_000 },
};

export function createLoginThrottle(deps: {
  store: Store;
  clock: Clock;
  rules?: typeof DEFAULT_THROTTLE;
}) {
  const { store, clock } = deps;
  const rules = deps.rules ?? DEFAULT_THROTTLE;
  const keys = (username: string, ip: string) =>
    [
      [`user:${username.toLowerCase()}`, rules.perUser],
      [`ip:${ip}`, rules.perIp],
    ] as const;

  return {
    /** When locked, the epoch ms at which the next attempt will be allowed; otherwise null. */
    lockedUntil(username: string, ip: string): number | null {
      const now = clock.now();
      let until: number | null = null;
      for (const [key, rule] of keys(username, ip)) {
        // A failure counts for windowMs: at exactly windowMs old it no longer does.
        const failures = store.loginAttempts.failuresSince(key, now - rule.windowMs + 1);
        if (failures.length < rule.maxFailures) continue;
        // Once the oldest failure that still counts leaves the window, one more try is allowed.
        const freedAt = failures[failures.length - rule.maxFailures]! + rule.windowMs;
        until = Math.max(until ?? 0, freedAt);
      }
      return until;
    },
    recordFailure(username: string, ip: string) {
      const now = clock.now();
      for (const [key] of keys(username, ip)) store.loginAttempts.recordFailure(key, now);
      store.loginAttempts.prune(now - Math.max(rules.perUser.windowMs, rules.perIp.windowMs));
    },
    /** A success clears the username's count, not the address's: one valid account must not
     * reset the counter an attacker on that address is spending on other names. */
    recordSuccess(username: string) {
      store.loginAttempts.clear(`user:${username.toLowerCase()}`);
    },
  };
}
