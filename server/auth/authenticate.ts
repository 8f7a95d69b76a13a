import type { SessionUser } from "../contract/auth";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";
import type { UserRecord } from "../store/port/user-repo";
import { createLoginThrottle, type DEFAULT_THROTTLE } from "./login-throttle";
import { verifyAgainstDummy, verifyPassword } from "./password";

export type AuthenticateResult =
  | { outcome: "ok"; user: SessionUser }
  | { outcome: "invalid" }
  | { outcome: "throttled"; retryAt: number };

/**
 * Checks a username and password. Unknown users, disabled users and wrong passwords all spend one
 * scrypt computation and give the same "invalid" outcome, so neither the answer nor its timing says
 * which usernames exist.
 */
export function createAuthenticator(deps: {
  store: Pick<Store, "users" | "loginAttempts">;
  clock: Clock;
  throttle?: typeof DEFAULT_THROTTLE;
}) {
  const { store, clock } = deps;
  const throttle = createLoginThrottle({ store, clock, rules: deps.throttle });

  return async function authenticate(input: {
    username: string;
    password: string;
    ip: string;
  }): Promise<AuthenticateResult> {
    const reserved = await throttle.reserve(input.username, input.ip);
    if ("retryAt" in reserved) return { outcome: "throttled", retryAt: reserved.retryAt };
    const { attempt } = reserved;

    let record: UserRecord | null;
    let matches: boolean;
    try {
      record = await store.users.findByUsername(input.username);
      matches = record
        ? await verifyPassword(input.password, record.passwordHash)
        : await verifyAgainstDummy(input.password);
    } catch (error) {
      // Settle even here, or the reservation would count against the name until it lapses.
      await attempt.failed();
      throw error;
    }
    if (!record || !matches || record.disabled) {
      await attempt.failed();
      return { outcome: "invalid" };
    }
    await attempt.succeeded();
    await store.users.recordLogin(record.id, clock.now());
    return { outcome: "ok", user: { id: record.id, username: record.username, role: record.role } };
  };
}
