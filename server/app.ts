import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AppEnv } from "./app-env";
import type { Services } from "./compose";
import { createCsrfMiddleware } from "./middleware/csrf";
import { dattoErrorResponse } from "./middleware/datto-errors";
import { apiError, createErrorHandler, notFoundJson } from "./middleware/errors";
import { createSecurityHeaders } from "./middleware/security-headers";
import { createSessionMiddleware } from "./middleware/session";
import { noStore } from "./middleware/no-store";
import { mountSpa } from "./middleware/spa";
import { createUpstreamAllowance } from "./middleware/upstream-allowance";
import { createAuthRoutes } from "./routes/auth-routes";
import { createDeviceRoutes } from "./routes/device-routes";
import { createEventRoutes } from "./routes/event-routes";
import { createFleetRoutes } from "./routes/fleet-routes";
import { createHealthRoutes } from "./routes/health-routes";
import { createSiteRoutes } from "./routes/site-routes";
import { createSoftwareRoutes } from "./routes/software-routes";
import { createUserRoutes } from "./routes/user-routes";
import { createViewRoutes } from "./routes/view-routes";

export type AppDeps = Pick<
  Services,
  "config" | "clock" | "logger" | "store" | "gateway" | "datto" | "fleet" | "software"
> & {
  /** The built SPA (vite's dist/) to serve beside the API; omitted in API-only tests. */
  spaRoot?: string;
};

/** No API request needs more; a cap keeps one client from making the server buffer anything. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * createApp(deps) builds the whole HTTP surface from its dependencies. Nothing here reads the
 * environment or opens sockets: main.ts wires real parts, tests wire temp stores and the simulator.
 */
export function createApp(deps: AppDeps) {
  const { config, clock, logger, store, gateway, datto, fleet, software } = deps;

  // Shared by device and site routes: one person's Datto-calling requests per minute, all pages.
  const upstreamAllowance = createUpstreamAllowance({
    clock,
    perMinute: config.budget.perPersonPerMinute,
  });
  const api = new Hono<AppEnv>()
    .route("/health", createHealthRoutes({ gateway, mode: config.mode }))
    .route("/", createAuthRoutes({ store, clock, config, logger }))
    .route("/users", createUserRoutes({ store, clock }))
    .route("/events", createEventRoutes({ store }))
    .route("/sites", createSiteRoutes({ fleet, datto, upstreamAllowance }))
    .route(
      "/devices",
      createDeviceRoutes({
        fleet,
        datto,
        clock,
        udfLabels: store.udfLabels,
        software,
        upstreamAllowance,
      }),
    )
    .route(
      "/fleet",
      createFleetRoutes({ fleet, datto, udfLabels: store.udfLabels, events: store.events }),
    )
    .route("/views", createViewRoutes({ savedViews: store.savedViews }))
    .route("/software", createSoftwareRoutes({ software }));
  api.notFound(notFoundJson);

  const app = new Hono<AppEnv>();
  app.use("*", createSecurityHeaders({ secure: config.secureCookies }));
  app.use("/api/*", requestId());
  app.use("/api/*", noStore);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        apiError(c, 413, "too_large", "The request body is over the 256 KB limit; send less."),
    }),
  );
  app.use("/api/*", createCsrfMiddleware({ publicOrigin: config.publicOrigin }));
  app.use("/api/*", createSessionMiddleware({ store, clock, secureCookies: config.secureCookies }));
  const routes = app.route("/api", api);
  // A safety net: routes answer gateway errors themselves, but one that escapes still maps cleanly.
  const onError = createErrorHandler(logger);
  app.onError((err, c) => dattoErrorResponse(c, err) ?? onError(err, c));
  if (deps.spaRoot) mountSpa(app, deps.spaRoot);
  app.notFound(notFoundJson);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
