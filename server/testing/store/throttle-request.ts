import type { Store } from "../../store/port/store";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const RESERVATION_HOLD_MS = 30_000;

/** The login throttle's rules (server/auth/login-throttle.ts): 5 failures per name, 20 per address. */
export const throttleLimits = (username: string, ip: string) => [
  { key: `user:${username}`, maxFailures: 5, windowMs: THROTTLE_WINDOW_MS },
  { key: `ip:${ip}`, maxFailures: 20, windowMs: THROTTLE_WINDOW_MS },
];

/** One sign-in attempt's reservation, as the login throttle asks for it. */
export const reserveAttemptAt = (store: Store, now: number, username: string, ip: string) =>
  store.loginAttempts.reserve({
    limits: throttleLimits(username, ip),
    now,
    expiresAt: now + RESERVATION_HOLD_MS,
  });
