import { Hono, type MiddlewareHandler } from "hono";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import { SiteQuerySchema, type SiteDetail, type SiteListResponse } from "../contract/sites";
import type { DattoApi } from "../datto/api/create-datto-api";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { apiError } from "../middleware/errors";
import { requireRole } from "../middleware/require-role";
import { unlimitedUpstream } from "../middleware/upstream-allowance";
import { loadDeviceAlerts } from "../fleet/device-reads";
import type { FleetIndex } from "../fleet/fleet-index";
import { siteDetail } from "../fleet/site-summary";
import { AlertQuerySchema, UidParamSchema } from "./route-params";

export type SiteRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  /** Per-user limit on requests that call Datto (server/middleware/upstream-allowance.ts). */
  upstreamAllowance?: MiddlewareHandler<AuthEnv>;
};

/** Mounted at /api/sites. Rows and summaries from the fleet index; alerts from Datto. */
export function createSiteRoutes({ fleet, datto, upstreamAllowance }: SiteRoutesDeps) {
  const allowance = upstreamAllowance ?? unlimitedUpstream;
  return new Hono<AuthEnv>()
    .use(requireRole("viewer"))
    .get("/", validate("query", SiteQuerySchema), (c) => {
      const rows = fleet.querySites(c.req.valid("query"));
      const body: SiteListResponse = {
        total: rows.length,
        rows,
        freshness: fleet.freshness(),
        sync: fleet.status(),
      };
      return c.json(body, 200);
    })
    .get("/:uid", validate("param", UidParamSchema), (c) => {
      const detail = siteDetail(fleet.snapshot(), c.req.valid("param").uid);
      if (!detail) return apiError(c, 404, "not_found", "No such site in the fleet index.");
      const body: SiteDetail = { ...detail, freshness: fleet.freshness() };
      return c.json(body, 200);
    })
    .get(
      "/:uid/alerts",
      allowance,
      validate("param", UidParamSchema),
      validate("query", AlertQuerySchema),
      async (c) => {
        const { uid } = c.req.valid("param");
        const { state = "open" } = c.req.valid("query");
        try {
          return c.json(await loadDeviceAlerts(datto, { siteUid: uid }, state), 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    )
    .post(
      "/:uid/refresh",
      requireRole("technician"),
      allowance,
      validate("param", UidParamSchema),
      async (c) => {
        try {
          await fleet.refreshSite(c.req.valid("param").uid);
          return c.json({ accepted: true as const }, 202);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    );
}
