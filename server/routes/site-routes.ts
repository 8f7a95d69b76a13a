import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import {
  SiteQuerySchema,
  type SiteDetail,
  type SiteListResponse,
  type SiteRefreshResponse,
} from "../contract/sites";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { FleetIndex } from "../fleet/fleet-index";
import type { FleetRefresh } from "../fleet/refresh";
import { siteDetail } from "../fleet/site-summary";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { apiError } from "../middleware/errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import { createAlertListRoutes } from "./alert-list-routes";
import { UidParamSchema } from "./route-params";

export type SiteRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  refresh: FleetRefresh;
  guard: Guard;
};

/** Mounted at /api/sites. Rows and summaries from the fleet index; alerts from Datto. */
export function createSiteRoutes(deps: SiteRoutesDeps) {
  const { fleet, guard } = deps;
  return new Hono<AppEnv>()
    .get("/", ...guard({ needs: "fleet:read" }, validate("query", SiteQuerySchema)), (c) => {
      const rows = fleet.querySites(c.req.valid("query"));
      const body: SiteListResponse = {
        total: rows.length,
        rows,
        freshness: fleet.freshness(),
        sync: fleet.status(),
      };
      return c.json(body, 200);
    })
    .get("/:uid", ...guard({ needs: "fleet:read" }, validate("param", UidParamSchema)), (c) => {
      const detail = siteDetail(fleet.snapshot(), c.req.valid("param").uid);
      if (!detail) return apiError(c, 404, "not_found", "No such site in the fleet index.");
      const body: SiteDetail = { ...detail, freshness: fleet.freshness() };
      return c.json(body, 200);
    })
    .route("/", createAlertListRoutes({ ...deps, of: "site" }))
    .post(
      "/:uid/refresh",
      ...guard({ needs: "fleet:refresh", callsDatto: true }, validate("param", UidParamSchema)),
      async (c) => {
        try {
          const result = await deps.refresh.site(actorOf(c), c.req.valid("param").uid);
          if (!result.ok) return refusalResponse(c, result);
          const body: SiteRefreshResponse = { site: result.site, freshness: result.freshness };
          return c.json(body, 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    );
}
