import type { Clock } from "../lib/clock";
import type { ThrottleLimit } from "../store/port/login-attempt-repo";
import type { Store } from "../store/port/store";

/**
 * Per username, 5 failures in 15 minutes lock that name. Per client address the limit is higher,
 * because several technicians behind one office NAT share an address; it is there to stop one
 * client trying many usernames.
 */
export const DEFAULT_THROTTLE = {
  perUser: { maxFailures: 5, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 20, windowMs: 15 * 60_000 },
};

/**
 * How long a reserved attempt counts as a failure if it is never settled (its process died during
 * the password check). The check is one scrypt (~50 ms, a few seconds on a starved machine), so
 * 30 s never lapses under a live attempt, while a crash costs the name one of its 5 tries for
 * 30 s only.
 */
export const RESERVATION_HOLD_MS = 30_000;

/** A reserved attempt: settle it exactly once, after the password check. */
export type LoginAttempt = { succeeded(): Promise<void>; failed(): Promise<void> };

/** The keys one sign-in counts against: the name (case-insensitive) and the client address. */
export const throttleLimits = (
  username: string,
  ip: string,
  rules: typeof DEFAULT_THROTTLE = DEFAULT_THROTTLE,
): ThrottleLimit[] => [
  { key: `user:${username.toLowerCase()}`, ...rules.perUser },
  { key: `ip:${ip}`, ...rules.perIp },
];

/**
 * The lock check and the reservation are one step in the database (`loginAttempts.reserve`), so
 * parallel guesses, from this process or another on the same database, cannot all slip past one
 * lock check while their slow password checks run.
 */
export function createLoginThrottle(deps: {
  store: Pick<Store, "loginAttempts">;
  clock: Clock;
  rules?: typeof DEFAULT_THROTTLE;
}) {
  const { clock } = deps;
  const repo = deps.store.loginAttempts;
  const rules = deps.rules ?? DEFAULT_THROTTLE;
  const longestWindow = Math.max(rules.perUser.windowMs, rules.perIp.windowMs);

  return {
    /** Locked: when the next attempt will be allowed (epoch ms). Open: the reserved attempt. */
    async reserve(
      username: string,
      ip: string,
    ): Promise<{ retryAt: number } | { attempt: LoginAttempt }> {
      const limits = throttleLimits(username, ip, rules);
      const now = clock.now();
      const reserved = await repo.reserve({ limits, now, expiresAt: now + RESERVATION_HOLD_MS });
      if (!reserved.ok) return { retryAt: reserved.retryAt };
      const { attemptId } = reserved;
      let settled = false;
      const settle = async (record: () => Promise<void>) => {
        if (settled) return;
        settled = true;
        await record();
      };
      return {
        attempt: {
          // A success clears the name's count, not the address's: one valid account must not
          // reset the counter an attacker on that address is spending on other names.
          succeeded: () =>
            settle(() => repo.settleSucceeded(attemptId, { clearKeys: [limits[0]!.key] })),
          failed: () =>
            settle(async () => {
              const at = clock.now();
              await repo.settleFailed(attemptId, { keys: limits.map((l) => l.key), at });
              await repo.prune(at - longestWindow);
            }),
        },
      };
    },
  };
}
