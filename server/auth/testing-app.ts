import { Hono } from "hono";
import { createManualClock, type ManualClock } from "../lib/clock";
import { createMemoryLogger } from "../lib/logger";
import { createCsrfMiddleware } from "../middleware/csrf";
import { notFoundJson, onErrorJson } from "../middleware/errors";
import { createSecurityHeaders } from "../middleware/security-headers";
import { createSessionMiddleware } from "../middleware/session";
import { createAuthRoutes } from "../routes/auth-routes";
import { createEventRoutes } from "../routes/event-routes";
import { createUserRoutes } from "../routes/user-routes";
import { createTestStore } from "../testing/create-test-store";
import type { AuthEnv } from "./auth-env";
import { hashPassword } from "./password";
import type { Role } from "../contract/roles";

export const TEST_ORIGIN = "http://localhost";

/**
 * The auth surface composed the way app.ts composes it, over a real SQLite store in a temp folder
 * and a manual clock. `request` sends same-origin JSON like the SPA does, from a fixed address.
 */
export function createAuthTestApp(
  options: { mode?: "demo" | "live"; secureCookies?: boolean; clock?: ManualClock } = {},
) {
  const clock = options.clock ?? createManualClock();
  const { store, cleanup, dataDir } = createTestStore(clock);
  const logger = createMemoryLogger();
  const config = { mode: options.mode ?? "live", secureCookies: options.secureCookies ?? false };
  const deps = { store, clock, config, logger };

  const app = new Hono<AuthEnv>();
  app.use("/api/*", createSecurityHeaders({ secure: config.secureCookies }));
  app.use("/api/*", createCsrfMiddleware());
  app.use("/api/*", createSessionMiddleware({ store, clock, secureCookies: config.secureCookies }));
  app.route("/api", createAuthRoutes(deps));
  app.route("/api/users", createUserRoutes(deps));
  app.route("/api/events", createEventRoutes(deps));
  app.notFound(notFoundJson);
  app.onError(onErrorJson);

  const request = (
    path: string,
    init: {
      method?: string;
      json?: unknown;
      cookie?: string | null;
      headers?: Record<string, string>;
      ip?: string;
    } = {},
  ) => {
    const headers: Record<string, string> = { "sec-fetch-site": "same-origin", ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    const env = { incoming: { socket: { remoteAddress: init.ip ?? "192.0.2.10" } } };
    return app.request(
      `${TEST_ORIGIN}${path}`,
      { method: init.method ?? "GET", headers, body },
      env,
    );
  };

  const addUser = async (username: string, role: Role, password = "correct horse battery") =>
    store.users.create({ username, role, passwordHash: await hashPassword(password) });

  /** Signs in and returns the `name=value` cookie to send on later requests. */
  const signIn = async (username: string, password = "correct horse battery") => {
    const res = await request("/api/auth/login", { method: "POST", json: { username, password } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return sessionCookieFrom(res)!;
  };

  return { app, store, clock, logger, dataDir, cleanup, request, addUser, signIn };
}

/** The `rmmdeck_session=...` pair from a response's Set-Cookie, or null. */
export function sessionCookieFrom(res: Response): string | null {
  const header = res.headers.get("set-cookie");
  const match = header?.match(/rmmdeck_session=([^;]*)/);
  return match && match[1] ? `rmmdeck_session=${match[1]}` : null;
}
