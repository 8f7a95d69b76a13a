import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { Services } from "./compose";
import type { AppEnv } from "./contract/actor";
import { createCsrfMiddleware } from "./middleware/csrf";
import { dattoErrorResponse } from "./middleware/datto-errors";
import { apiError, createErrorHandler, notFoundJson } from "./middleware/errors";
import { createExportSlots } from "./middleware/export-slots";
import { createActorMiddleware, type TokenResolver } from "./middleware/resolve-actor";
import { createGuard } from "./middleware/route-guard";
import { createSecurityHeaders } from "./middleware/security-headers";
import { noStore } from "./middleware/no-store";
import { mountSpa } from "./middleware/spa";
import { createUpstreamAllowance, type UpstreamAllowance } from "./middleware/upstream-allowance";
import { createMcpRoutes } from "./mcp/mcp-server";
import { createAgentRoutes } from "./routes/agent-routes";
import { createAgentTokenRoutes } from "./routes/agent-token-routes";
import { createAuditRoutes } from "./routes/audit-routes";
import { createAlertRoutes } from "./routes/alert-routes";
import { createAuthRoutes } from "./routes/auth-routes";
import { createComponentRoutes } from "./routes/component-routes";
import { createDeviceRoutes } from "./routes/device-routes";
import { createEventRoutes } from "./routes/event-routes";
import { createFleetRoutes } from "./routes/fleet-routes";
import { createHealthRoutes } from "./routes/health-routes";
import { createJobRoutes } from "./routes/job-routes";
import { createLiveRoutes } from "./routes/live-routes";
import { createProposalRoutes } from "./routes/proposal-routes";
import { createSettingsRoutes } from "./routes/settings-routes";
import { createSiteRoutes } from "./routes/site-routes";
import { createSoftwareRoutes } from "./routes/software-routes";
import { createUserRoutes } from "./routes/user-routes";
import { createViewRoutes } from "./routes/view-routes";
import { createWallRoutes } from "./routes/wall-routes";
import { createWallTokenRoutes } from "./routes/wall-token-routes";

export type AppDeps = Pick<
  Services,
  | "config"
  | "clock"
  | "logger"
  | "store"
  | "gateway"
  | "datto"
  | "fleet"
  | "software"
  | "refresh"
  | "users"
  | "savedViews"
  | "udfNames"
  | "live"
  | "agentTokens"
  | "agentSettings"
  | "proposals"
  | "agentTools"
  | "alerts"
  | "alertResolver"
  | "claimAlert"
  | "releaseAlert"
  | "components"
  | "jobs"
  | "alertLastLook"
  | "wallTokens"
  | "wallSummary"
> & {
  /** Agent and wall tokens by prefix: compose.ts builds it. */
  tokenResolver?: TokenResolver;
  /** The built SPA (vite's dist/) to serve beside the API; omitted in API-only tests. */
  spaRoot?: string;
  /** Extra bearer tokens tried before `tokenResolver` (tests: fixed agent and wall actors). */
  resolveToken?: TokenResolver;
  /** Several instances (REDIS_URL): the allowance counted across them; default in memory. */
  allowance?: UpstreamAllowance;
  /** Several instances: this one's role, shown by /api/health. */
  instanceRole?: () => "leader" | "follower";
};

/** No API request needs more; a cap keeps one client from making the server buffer anything. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * createApp(deps) builds the whole HTTP surface from its dependencies. Nothing here reads the
 * environment or opens sockets: main.ts wires real parts, tests wire temp stores and the simulator.
 * Every route is guarded (server/middleware/route-guard.ts): who may call it, and whether it draws
 * on the caller's allowance of Datto-calling requests.
 */
export function createApp(deps: AppDeps) {
  const { config, clock, logger, store, gateway, datto, fleet, software } = deps;

  // One allowance per app: one actor's Datto-calling requests per minute, all pages together.
  const allowance =
    deps.allowance ??
    createUpstreamAllowance({ clock, perMinute: config.budget.perPersonPerMinute });
  const guard = createGuard({ allowance });
  // Device and software exports draw on the same slots: they load the server the same way.
  const exportSlots = createExportSlots();
  const { refresh, users, savedViews, udfNames } = deps;
  const api = new Hono<AppEnv>()
    .route(
      "/health",
      createHealthRoutes({
        gateway,
        mode: config.mode,
        guard,
        ...(deps.instanceRole ? { instanceRole: deps.instanceRole } : {}),
      }),
    )
    .route("/", createAuthRoutes({ store, clock, config, logger, guard }))
    .route("/users", createUserRoutes({ users, guard }))
    .route("/events", createEventRoutes({ events: store.events, guard }))
    .route("/sites", createSiteRoutes({ fleet, datto, refresh, guard }))
    .route(
      "/devices",
      createDeviceRoutes({
        fleet,
        datto,
        clock,
        udfLabels: store.udfLabels,
        software,
        refresh,
        guard,
        exportSlots,
      }),
    )
    .route("/fleet", createFleetRoutes({ fleet, datto, udfNames, guard }))
    .route("/views", createViewRoutes({ savedViews, guard }))
    .route("/software", createSoftwareRoutes({ software, clock, guard, exportSlots }))
    .route("/live", createLiveRoutes({ bus: deps.live, clock, guard }))
    .route("/agent-tokens", createAgentTokenRoutes({ agentTokens: deps.agentTokens, guard }))
    .route("/proposals", createProposalRoutes({ proposals: deps.proposals, guard }))
    .route("/settings", createSettingsRoutes({ agentSettings: deps.agentSettings, guard }))
    .route("/agent", createAgentRoutes({ agentTools: deps.agentTools, guard }))
    .route("/audit", createAuditRoutes({ events: store.events, clock, guard }))
    .route(
      "/alerts",
      createAlertRoutes({
        alerts: deps.alerts,
        resolver: deps.alertResolver,
        claims: { claimAlert: deps.claimAlert, releaseAlert: deps.releaseAlert },
        lastLook: deps.alertLastLook,
        fleet,
        datto,
        clock,
        guard,
      }),
    )
    .route("/components", createComponentRoutes({ components: deps.components, guard }))
    .route("/jobs", createJobRoutes({ jobs: deps.jobs, clock, guard }))
    .route(
      "/wall-tokens",
      createWallTokenRoutes({
        wallTokens: deps.wallTokens,
        publicOrigin: config.publicOrigin,
        guard,
      }),
    )
    .route(
      "/wall",
      createWallRoutes({
        wallSummary: deps.wallSummary,
        wallTokens: deps.wallTokens,
        clock,
        guard,
      }),
    );
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
  const extra = deps.resolveToken;
  const own = deps.tokenResolver;
  const resolveToken: TokenResolver | undefined =
    extra && own ? async (token) => (await extra(token)) ?? own(token) : (extra ?? own);
  const actors = createActorMiddleware({
    store,
    clock,
    secureCookies: config.secureCookies,
    resolveToken,
  });
  app.use("/api/*", actors);
  // The MCP server: bearer agent tokens only, its own Origin check and body limit.
  app.use("/mcp", actors);
  app.route(
    "/mcp",
    createMcpRoutes({ agentTools: deps.agentTools, allowance, publicOrigin: config.publicOrigin }),
  );
  const routes = app.route("/api", api);
  // A safety net: routes answer gateway errors themselves, but one that escapes still maps cleanly.
  const onError = createErrorHandler(logger);
  app.onError((err, c) => dattoErrorResponse(c, err) ?? onError(err, c));
  if (deps.spaRoot) mountSpa(app, deps.spaRoot);
  app.notFound(notFoundJson);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
