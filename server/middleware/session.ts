import { createMiddleware } from "hono/factory";
import { clearSessionCookie, readSessionCookie } from "../auth/session-cookie";
import { createSessionManager, type SessionPolicy } from "../auth/session-manager";
import type { AuthEnv } from "../auth/auth-env";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/store";

/**
 * Sets `user` and `sessionId` (the stored hash, never the cookie value) for every request: null
 * when there is no cookie or its session has ended. A cookie for an ended session is cleared.
 * The user is read fresh each time, so a role change or disabling takes effect on the next request.
 */
export function createSessionMiddleware(deps: {
  store: Store;
  clock: Clock;
  secureCookies: boolean;
  policy?: Partial<SessionPolicy>;
}) {
  const sessions = createSessionManager(deps);
  return createMiddleware<AuthEnv>(async (c, next) => {
    const token = readSessionCookie(c);
    const resolved = token ? sessions.resolve(token) : null;
    c.set("user", resolved?.user ?? null);
    c.set("sessionId", resolved?.sessionId ?? null);
    if (token && !resolved) clearSessionCookie(c, deps.secureCookies);
    await next();
  });
}
