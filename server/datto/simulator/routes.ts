import { Hono } from "hono";
import { issueToken } from "./auth";
import { accountRoutes } from "./routes-account";
import { activityRoutes } from "./routes-activity";
import { alertRoutes } from "./routes-alerts";
import { auditRoutes } from "./routes-audits";
import { deviceRoutes } from "./routes-devices";
import { filterRoutes } from "./routes-filters";
import { jobRoutes } from "./routes-jobs";
import { quickJobRoutes } from "./routes-quick-job";
import { siteRoutes } from "./routes-sites";
import { systemRoutes } from "./routes-system";
import { variableRoutes } from "./routes-variables";
import { mountRoutes, route, type RouteSpec } from "./route-kit";
import type { SimCore } from "./sim-core";

const tokenRoute = route("POST", "/auth/oauth/token", "token", (c, core) => issueToken(c, core));

/** Every Datto route; specific paths first (Hono tries handlers in registration order). */
const ALL_ROUTES: readonly RouteSpec[] = [
  tokenRoute,
  ...systemRoutes,
  ...accountRoutes,
  ...siteRoutes,
  ...deviceRoutes,
  ...auditRoutes,
  ...alertRoutes,
  ...jobRoutes,
  ...quickJobRoutes,
  ...filterRoutes,
  ...variableRoutes,
  ...activityRoutes,
];

export function createSimulatorRoutes(core: SimCore): Hono {
  const app = new Hono();
  mountRoutes(app, () => core, ALL_ROUTES);
  return app;
}
