import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import type { FleetStatusResponse } from "../contract/sync";
import {
  UdfLabelsSchema,
  type DattoFilter,
  type FilterListResponse,
  type UdfLabels,
} from "../contract/views";
import type { DattoApi } from "../datto/api/create-datto-api";
import { addCounts, emptyAlertCounts } from "../fleet/alert-counts";
import type { FleetIndex } from "../fleet/fleet-index";
import { fromFresh } from "../fleet/fresh";
import { mapFilter } from "../fleet/map-filter";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { UdfNames } from "../views/udf-names";

export type FleetRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  udfNames: UdfNames;
  guard: Guard;
};

/** Filters change rarely; a picker opened by many people costs Datto one call per 10 minutes. */
const FILTER_READ = { priority: "interactive" as const, maxAgeMs: 10 * 60_000 };

/** Mounted at /api/fleet: sync status, Datto saved filters, UDF names. */
export function createFleetRoutes({ fleet, datto, udfNames, guard }: FleetRoutesDeps) {
  return new Hono<AppEnv>()
    .get("/status", ...guard({ needs: "fleet:read" }), (c) => {
      const snapshot = fleet.snapshot();
      const openAlerts = emptyAlertCounts();
      for (const site of snapshot.siteRows) addCounts(openAlerts, site.openAlerts);
      const online = snapshot.devices.reduce((n, d) => n + (d.online ? 1 : 0), 0);
      const body: FleetStatusResponse = {
        sync: fleet.status(),
        freshness: fleet.freshness(),
        counts: {
          sites: snapshot.sites.length,
          devices: snapshot.devices.length,
          online,
          offline: snapshot.devices.length - online,
          openAlerts,
        },
      };
      return c.json(body, 200);
    })
    .get("/filters", ...guard({ needs: "fleet:read", callsDatto: true }), async (c) => {
      try {
        const [defaults, custom] = await Promise.all([
          datto.listDefaultFilters(FILTER_READ),
          datto.listCustomFilters(FILTER_READ),
        ]);
        const filters = [
          ...defaults.data.map((f) => mapFilter(f, "default")),
          ...custom.data.map((f) => mapFilter(f, "custom")),
        ].filter((f): f is DattoFilter => f !== null);
        const older = defaults.fetchedAt < custom.fetchedAt ? defaults : custom;
        const body: FilterListResponse = {
          filters,
          freshness: fromFresh({
            fetchedAt: older.fetchedAt,
            stale: defaults.stale || custom.stale,
          }),
        };
        return c.json(body, 200);
      } catch (error) {
        return dattoErrorOrRethrow(c, error);
      }
    })
    .get("/udf-labels", ...guard({ needs: "fleet:read" }), async (c) => {
      const result = await udfNames.get(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.labels satisfies UdfLabels, 200);
    })
    .put(
      "/udf-labels",
      ...guard({ needs: "settings:manage" }, validate("json", UdfLabelsSchema)),
      async (c) => {
        const result = await udfNames.replace(actorOf(c), c.req.valid("json"));
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.labels satisfies UdfLabels, 200);
      },
    );
}
