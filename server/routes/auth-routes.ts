import { Hono } from "hono";
import type { AuthEnv } from "../auth/auth-env";
import { createAuthenticator } from "../auth/authenticate";
import { clientAddress, createTrustedProxies } from "../auth/client-address";
import type { DEFAULT_THROTTLE } from "../auth/login-throttle";
import { DEMO_ACCOUNTS } from "../auth/seed-demo-users";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../auth/session-cookie";
import {
  createSessionManager,
  hashSessionToken,
  type SessionPolicy,
} from "../auth/session-manager";
import { validate } from "../auth/validation-hook";
import { LoginRequestSchema, type AuthConfig, type Me } from "../contract/auth";
import type { AppConfig } from "../env";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { apiError } from "../middleware/errors";
import type { Store } from "../store/store";

export type AuthRoutesDeps = {
  store: Store;
  clock: Clock;
  config: Pick<AppConfig, "mode" | "secureCookies"> & { trustedProxies?: string[] };
  logger: Logger;
  sessionPolicy?: Partial<SessionPolicy>;
  throttle?: typeof DEFAULT_THROTTLE;
};

const WRONG_CREDENTIALS = "Wrong username or password.";
const UNKNOWN_USER = "(unknown)";

/** Mounted at /api: /api/auth/login, /api/auth/logout, /api/auth/config, /api/me. */
export function createAuthRoutes(deps: AuthRoutesDeps) {
  const { store, clock, config, logger } = deps;
  const sessions = createSessionManager({ store, clock, policy: deps.sessionPolicy });
  const authenticate = createAuthenticator({ store, clock, throttle: deps.throttle });
  const trustedProxies = createTrustedProxies(config.trustedProxies ?? []);

  return new Hono<AuthEnv>()
    .post("/auth/login", validate("json", LoginRequestSchema), async (c) => {
      const { username, password } = c.req.valid("json");
      const ip = clientAddress(c, trustedProxies);
      const result = await authenticate({ username, password, ip });
      if (result.outcome !== "ok") {
        // People type passwords into the username box: only a name that exists is recorded.
        const known = store.users.findByUsername(username)?.username ?? UNKNOWN_USER;
        if (result.outcome === "throttled") {
          logger.warn("sign-in throttled", { username: known, ip, retryAt: result.retryAt });
          const waitMs = result.retryAt - clock.now();
          const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
          c.header("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
          return apiError(
            c,
            429,
            "too_many_attempts",
            `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${new Date(result.retryAt).toISOString()}).`,
            { retryAt: result.retryAt },
          );
        }
        store.events.append({
          actor: null,
          kind: "auth.login_failed",
          target: known,
          detail: { ip },
        });
        logger.info("sign-in failed", { username: known, ip });
        return apiError(c, 401, "invalid_credentials", WRONG_CREDENTIALS);
      }
      // A fresh session id at every sign-in: whatever session the browser carried is ended, so an
      // id planted before sign-in (session fixation) is worthless. Only on success, though: a
      // failed or throttled attempt must not sign the browser's current user out.
      const previous = readSessionCookie(c);
      if (previous) sessions.revoke(hashSessionToken(previous));
      // Sign-ins are rare enough to carry the housekeeping of ended sessions.
      sessions.purgeExpired();
      const { token } = sessions.start(result.user.id);
      setSessionCookie(c, token, config.secureCookies, sessions.policy.absoluteMs);
      store.events.append({
        actor: result.user.username,
        kind: "auth.login",
        target: result.user.username,
        detail: { ip },
      });
      return c.json({ user: result.user } satisfies Me, 200);
    })
    .post("/auth/logout", (c) => {
      const sessionId = c.get("sessionId");
      const user = c.get("user");
      if (sessionId) sessions.revoke(sessionId);
      clearSessionCookie(c, config.secureCookies);
      if (user) {
        store.events.append({
          actor: user.username,
          kind: "auth.logout",
          target: user.username,
          detail: null,
        });
      }
      return c.body(null, 204);
    })
    .get("/auth/config", (c) => {
      const body: AuthConfig = {
        mode: config.mode,
        demoAccounts: config.mode === "demo" ? DEMO_ACCOUNTS.map((a) => ({ ...a })) : null,
      };
      return c.json(body, 200);
    })
    .get("/me", (c) => {
      const user = c.get("user");
      if (!user) return apiError(c, 401, "unauthenticated", "Sign in to continue.");
      return c.json({ user } satisfies Me, 200);
    });
}
