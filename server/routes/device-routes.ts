import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import { DeviceQuerySchema, type DeviceListResponse } from "../contract/devices";
import type { DeviceAudit } from "../contract/device-audit";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { Clock } from "../lib/clock";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { requireRole } from "../middleware/require-role";
import { unlimitedUpstream } from "../middleware/upstream-allowance";
import type { UdfLabelRepo } from "../store/fleet-repos";
import { csvColumns, devicesToCsvStream } from "../fleet/device-csv";
import { loadDeviceAlerts, loadDeviceAudit, loadDeviceDetail } from "../fleet/device-reads";
import type { FleetIndex } from "../fleet/fleet-index";
import type { SoftwareSearch } from "../fleet/software-search";
import { UnknownFilterError } from "../fleet/filter-membership";
import { fromFresh } from "../fleet/fresh";
import { apiError } from "../middleware/errors";
import { createExportSlots } from "../middleware/export-slots";
import { AlertQuerySchema, UidParamSchema } from "./route-params";

export type DeviceRoutesDeps = {
  fleet: FleetIndex;
  datto: DattoApi;
  clock: Clock;
  udfLabels: UdfLabelRepo;
  software?: SoftwareSearch;
  /** Per-user limit on requests that call Datto (server/middleware/upstream-allowance.ts). */
  upstreamAllowance?: MiddlewareHandler<AuthEnv>;
  /** Exports running at once (server/middleware/export-slots.ts). */
  exportSlots?: ReturnType<typeof createExportSlots>;
};

const ExportQuerySchema = DeviceQuerySchema.extend({
  /** Comma-separated column keys in order; unknown keys are ignored. */
  columns: z.string().max(4000).optional(),
});
/** Mounted at /api/devices. Lists come from the fleet index; one device's pages from Datto. */
export function createDeviceRoutes(deps: DeviceRoutesDeps) {
  const { fleet, datto, clock } = deps;
  const allowance = deps.upstreamAllowance ?? unlimitedUpstream;
  const exportSlots = deps.exportSlots ?? createExportSlots();
  return new Hono<AuthEnv>()
    .use(requireRole("viewer"))
    .get("/", validate("query", DeviceQuerySchema), async (c) => {
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
    .get("/export.csv", validate("query", ExportQuerySchema), async (c) => {
      const { columns, ...query } = c.req.valid("query");
      const slot = exportSlots.take(c.get("user")?.id ?? "anonymous");
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
        const stream = devicesToCsvStream(
          result.rows,
          csvColumns(columns),
          deps.udfLabels.getAll(),
          {
            onDone: () => slot.release(),
          },
        );
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
    .get("/:uid", allowance, validate("param", UidParamSchema), async (c) => {
      const { uid } = c.req.valid("param");
      const detail = await loadDeviceDetail(deps, uid);
      if ("error" in detail) return dattoErrorOrRethrow(c, detail.error);
      return c.json(detail.value, 200);
    })
    .get("/:uid/audit", allowance, validate("param", UidParamSchema), async (c) => {
      const { uid } = c.req.valid("param");
      const audit = await loadDeviceAudit(deps, uid);
      if ("error" in audit) return dattoErrorOrRethrow(c, audit.error);
      const body: DeviceAudit = audit.value;
      return c.json(body, 200);
    })
    .get("/:uid/software", allowance, validate("param", UidParamSchema), async (c) => {
      const { uid } = c.req.valid("param");
      try {
        const list = await datto.listDeviceSoftware(uid, { priority: "interactive" });
        const items = list.data
          .map((s) => ({ name: s.name ?? "", version: s.version ?? "" }))
          .filter((s) => s.name !== "")
          .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
        deps.software?.remember(uid, items, list.fetchedAt);
        return c.json({ items, total: items.length, freshness: fromFresh(list) }, 200);
      } catch (error) {
        return dattoErrorOrRethrow(c, error);
      }
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
          return c.json(await loadDeviceAlerts(datto, { deviceUid: uid }, state), 200);
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
        const { uid } = c.req.valid("param");
        try {
          await fleet.refreshDevice(uid);
          return c.json({ accepted: true as const }, 202);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    );
}
