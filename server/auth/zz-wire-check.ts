import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createSessionMiddleware } from "../middleware/session";
import { createCsrfMiddleware } from "../middleware/csrf";
import { createSecurityHeaders } from "../middleware/security-headers";
import { createAuthRoutes } from "../routes/auth-routes";
import { createUserRoutes } from "../routes/user-routes";
import { createEventRoutes } from "../routes/event-routes";
import { requireRole } from "../middleware/require-role";
export function wire(deps: Parameters<typeof createAuthRoutes>[0]) {
  const app = new Hono<AppEnv>();
  app.use("*", createSecurityHeaders({ secure: false }));
  app.use("/api/*", createCsrfMiddleware({ publicOrigin: null }));
  app.use("/api/*", createSessionMiddleware({ ...deps, secureCookies: false }));
  const api = new Hono<AppEnv>().get("/x", requireRole("viewer"), (c) => c.json({ u: c.get("user") }));
  return app.route("/api", createAuthRoutes(deps)).route("/api/users", createUserRoutes(deps)).route("/api/events", createEventRoutes(deps)).route("/api", api);
}
