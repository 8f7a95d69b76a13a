import { Hono } from "hono";
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
import type { AppEnv, PersonActor } from "../contract/actor";
import { LoginRequestSchema, type AuthConfig, type Me } from "../contract/auth";
import type { AppConfig } from "../env";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { apiError } from "../middleware/errors";
import type { Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { Store } from "../store/port/store";

export type AuthRoutesDeps = {
  store: Store;
  clock: Clock;
  config: Pick<AppConfig, "mode" | "secureCookies"> & { trustedProxies?: string[] };
  logger: Logger;
  guard: Guard;
  sessionPolicy?: Partial<SessionPolicy>;
  throttle?: typeof DEFAULT_THROTTLE;
};

const WRONG_CREDENTIALS = "Wrong username or password.";
const UNKNOWN_USER = "(unknown)";

/** Mounted at /api: /api/auth/login, /api/auth/logout, /api/auth/config, /api/me. */
export function createAuthRoutes(deps: AuthRoutesDeps) {
  const { store, clock, config, logger, guard } = deps;
  const sessions = createSessionManager({ store, clock, policy: deps.sessionPolicy });
  const authenticate = createAuthenticator({ store, clock, throttle: deps.throttle });
  const trustedProxies = createTrustedProxies(config.trustedProxies ?? []);

  return new Hono<AppEnv>()
    .post(
      "/auth/login",
      ...guard({ needs: "public" }, validate("json", LoginRequestSchema)),
      async (c) => {
        const { username, password } = c.req.valid("json");
        const ip = clientAddress(c, trustedProxies);
        const result = await authenticate({ username, password, ip });
        if (result.outcome !== "ok") {
          // People type passwords into the username box: only a name that exists is recorded.
          const known = (await store.users.findByUsername(username))?.username ?? UNKNOWN_USER;
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
          await recordEvent(store.events, null, {
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
        if (previous) await sessions.revoke(hashSessionToken(previous));
        // Sign-ins are rare enough to carry the housekeeping of ended sessions.
        await sessions.purgeExpired();
        const { token, sessionId } = await sessions.start(result.user.id);
        setSessionCookie(c, token, config.secureCookies, sessions.policy.absoluteMs);
        const person: PersonActor = {
          kind: "person",
          userId: result.user.id,
          username: result.user.username,
          role: result.user.role,
          sessionId,
        };
        await recordEvent(store.events, person, {
          kind: "auth.login",
          target: result.user.username,
          detail: { ip },
        });
        return c.json({ user: result.user } satisfies Me, 200);
      },
    )
    .post("/auth/logout", ...guard({ needs: "public" }), async (c) => {
      // Public: signing out without a session (or with an ended one) still clears the cookie.
      const actor = c.get("actor");
      clearSessionCookie(c, config.secureCookies);
      if (actor?.kind === "person") {
        await sessions.revoke(actor.sessionId);
        await recordEvent(store.events, actor, {
          kind: "auth.logout",
          target: actor.username,
          detail: null,
        });
      }
      return c.body(null, 204);
    })
    .get("/auth/config", ...guard({ needs: "public" }), (c) => {
      const body: AuthConfig = {
        mode: config.mode,
        demoAccounts: config.mode === "demo" ? DEMO_ACCOUNTS.map((a) => ({ ...a })) : null,
      };
      return c.json(body, 200);
    })
    .get("/me", ...guard({ needs: "signed-in", peopleOnly: true }), (c) => {
      const actor = c.get("actor");
      if (actor?.kind !== "person") throw new Error("GET /me was reached without a person.");
      const user = { id: actor.userId, username: actor.username, role: actor.role };
      return c.json({ user } satisfies Me, 200);
    });
}
