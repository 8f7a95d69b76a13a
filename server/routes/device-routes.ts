import { Hono } from "hono";
import { z } from "zod";
import { actorKey, type AppEnv } from "../contract/actor";
import type { DeviceAudit } from "../contract/device-audit";
import {
  DeviceQuerySchema,
  type DeviceListResponse,
  type DeviceRefreshResponse,
} from "../contract/devices";
import type { SoftwareList } from "../contract/software";
import type { DattoApi } from "../datto/api/create-datto-api";
import { loadDeviceAudit, loadDeviceDetail, loadDeviceSoftware } from "../fleet/datto-reads";
import { csvColumns, devicesToCsvStream } from "../fleet/device-csv";
import { UnknownFilterError } from "../fleet/filter-membership";
import type { FleetIndex } from "../fleet/fleet-index";
import type { FleetRefresh } from "../fleet/refresh";
import type { SoftwareSearch } from "../fleet/software-search";
import type { Clock } from "../lib/clock";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { apiError } from "../middleware/errors";
import { createExportSlots, type ExportSlots } from "../middleware/export-slots";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { UdfLabelRepo } from "../store/port/fleet-repos";
import { createAlertListRoutes } from "./alert-list-routes";
import { UidParamSchema } from "./route-params";

export type DeviceRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  clock: Clock;
  udfLabels: UdfLabelRepo;
  software: SoftwareSearch;
  refresh: FleetRefresh;
  guard: Guard;
  /** Exports running at once (server/middleware/export-slots.ts). */
  exportSlots?: ExportSlots;
};

const ExportQuerySchema = DeviceQuerySchema.extend({
  /** Comma-separated column keys in order; unknown keys are ignored. */
  columns: z.string().max(4000).optional(),
});

/** A Datto saved filter (`filterId`) is the one part of a list query that asks Datto. */
const LIST = {
  needs: "fleet:read",
  callsDatto: (c) => c.req.query("filterId") !== undefined,
} as const satisfies RouteRule;
const DEVICE_PAGE = { needs: "fleet:read", callsDatto: true } as const;

/** Mounted at /api/devices. Lists come from the fleet index; one device's pages from Datto. */
export function createDeviceRoutes(deps: DeviceRoutesDeps) {
  const { fleet, clock, guard } = deps;
  const exportSlots = deps.exportSlots ?? createExportSlots();
  return new Hono<AppEnv>()
    .get("/", ...guard(LIST, validate("query", DeviceQuerySchema)), async (c) => {
      try {
        const result = await fleet.queryDevices(c.req.valid("query"));
        const body: DeviceListResponse = {
          ...result,
          freshness: fleet.freshness(),
          sync: fleet.status(),
        };
        return c.json(body, 200);
      } catch (error) {
        if (error instanceof UnknownFilterError) {
          return apiError(c, 404, "unknown_filter", error.message);
        }
        return dattoErrorOrRethrow(c, error);
      }
    })
    .get("/export.csv", ...guard(LIST, validate("query", ExportQuerySchema)), async (c) => {
      const { columns, ...query } = c.req.valid("query");
      const slot = exportSlots.take(actorKey(actorOf(c)));
      if ("refused" in slot) {
        c.header("Retry-After", "5");
        return apiError(c, 429, "too_many_exports", slot.refused);
      }
      try {
        const result = await fleet.queryDevices(query, { unlimited: true });
        if (result.filter && result.filter.state !== "ready") {
          slot.release();
          return apiError(
            c,
            409,
            "filter_not_ready",
            "Datto's saved filter is still being read. Export once the device list shows its devices.",
          );
        }
        const labels = await deps.udfLabels.getAll();
        const stream = devicesToCsvStream(result.rows, csvColumns(columns), labels, {
          onDone: () => slot.release(),
        });
        const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, "");
        return c.body(stream, 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="devices-${stamp}.csv"`,
        });
      } catch (error) {
        slot.release();
        if (error instanceof UnknownFilterError) {
          return apiError(c, 404, "unknown_filter", error.message);
        }
        return dattoErrorOrRethrow(c, error);
      }
    })
    .get("/:uid", ...guard(DEVICE_PAGE, validate("param", UidParamSchema)), async (c) => {
      const detail = await loadDeviceDetail(deps, c.req.valid("param").uid);
      if ("error" in detail) return dattoErrorOrRethrow(c, detail.error);
      return c.json(detail.value, 200);
    })
    .get("/:uid/audit", ...guard(DEVICE_PAGE, validate("param", UidParamSchema)), async (c) => {
      const audit = await loadDeviceAudit(deps, c.req.valid("param").uid);
      if ("error" in audit) return dattoErrorOrRethrow(c, audit.error);
      const body: DeviceAudit = audit.value;
      return c.json(body, 200);
    })
    .get("/:uid/software", ...guard(DEVICE_PAGE, validate("param", UidParamSchema)), async (c) => {
      try {
        const body: SoftwareList = await loadDeviceSoftware(deps, c.req.valid("param").uid);
        return c.json(body, 200);
      } catch (error) {
        return dattoErrorOrRethrow(c, error);
      }
    })
    .route("/", createAlertListRoutes({ ...deps, of: "device" }))
    .post(
      "/:uid/refresh",
      ...guard({ needs: "fleet:refresh", callsDatto: true }, validate("param", UidParamSchema)),
      async (c) => {
        try {
          const result = await deps.refresh.device(actorOf(c), c.req.valid("param").uid);
          if (!result.ok) return refusalResponse(c, result);
          const body: DeviceRefreshResponse = {
            device: result.device,
            freshness: result.freshness,
          };
          return c.json(body, 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    );
}
