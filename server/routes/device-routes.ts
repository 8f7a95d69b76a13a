import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import type { DeviceAudit } from "../contract/device-audit";
import {
  DeviceQuerySchema,
  type DeviceListResponse,
  type DeviceRefreshResponse,
} from "../contract/devices";
import type { SoftwareList } from "../contract/software";
import type { DattoApi } from "../datto/api/create-datto-api";
import { loadDeviceAudit, loadDeviceDetail, loadDeviceSoftware } from "../fleet/datto-reads";
import { csvColumns, devicesToCsv } from "../fleet/device-csv";
import type { FleetIndex } from "../fleet/fleet-index";
import type { FleetRefresh } from "../fleet/refresh";
import type { SoftwareSearch } from "../fleet/software-search";
import type { Clock } from "../lib/clock";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { UdfLabelRepo } from "../store/fleet-repos";
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
        return dattoErrorOrRethrow(c, error);
      }
    })
    .get("/export.csv", ...guard(LIST, validate("query", ExportQuerySchema)), async (c) => {
      const { columns, ...query } = c.req.valid("query");
      try {
        const result = await fleet.queryDevices(query, { unlimited: true });
        const labels = await deps.udfLabels.getAll();
        const csv = devicesToCsv(result.rows, csvColumns(columns), labels);
        const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, "");
        return c.body(csv, 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="devices-${stamp}.csv"`,
        });
      } catch (error) {
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
