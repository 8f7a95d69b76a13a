import { Hono } from "hono";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import { type FleetStatusResponse } from "../contract/sync";
import { UdfLabelsSchema, type DattoFilter, type FilterListResponse } from "../contract/views";
import type { DattoApi } from "../datto/api/create-datto-api";
import { dattoErrorResponse } from "../middleware/datto-errors";
import { requireRole } from "../middleware/require-role";
import type { UdfLabelRepo } from "../store/fleet-repos";
import type { EventRepo } from "../store/store";
import { addCounts, emptyAlertCounts } from "../fleet/alert-counts";
import type { FleetIndex } from "../fleet/fleet-index";
import { fromFresh } from "../fleet/fresh";
import { mapFilter } from "../fleet/map-filter";

export type FleetRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  udfLabels: UdfLabelRepo;
  events?: EventRepo;
};

/** Filters change rarely; a picker opened by many people costs Datto one call per 10 minutes. */
const FILTER_READ = { priority: "interactive" as const, maxAgeMs: 10 * 60_000 };

/** Mounted at /api/fleet: sync status, Datto saved filters, UDF names. */
export function createFleetRoutes({ fleet, datto, udfLabels, events }: FleetRoutesDeps) {
  return new Hono<AuthEnv>()
    .use(requireRole("viewer"))
    .get("/status", (c) => {
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
    .get("/filters", async (c) => {
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
        const response = dattoErrorResponse(c, error);
        if (response) return response;
        throw error;
      }
    })
    .get("/udf-labels", (c) => c.json(udfLabels.getAll(), 200))
    .put("/udf-labels", requireRole("admin"), validate("json", UdfLabelsSchema), (c) => {
      const before = udfLabels.getAll();
      const after = udfLabels.replaceAll(c.req.valid("json"));
      events?.append({
        actor: c.get("user")?.username ?? null,
        kind: "fleet.udf_labels_changed",
        target: null,
        detail: { before, after },
      });
      return c.json(after, 200);
    });
}
