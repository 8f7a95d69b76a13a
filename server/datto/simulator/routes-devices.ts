import { z } from "zod";
import { readBody } from "./body";
import { sendDeviceList } from "./device-queries";
import { badRequest, notFound, sendJson } from "./responses";
import { route } from "./route-kit";
import { deviceToWire } from "./serialize";
import { findDevice, findSite } from "./tenant";
import { WRITE_OPERATION } from "./write-operations";

const UdfSchema = z.record(z.string().regex(/^udf([1-9]\d?|[12]\d\d|300)$/), z.string().nullable());
const WarrantySchema = z.object({
  warrantyDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

export const deviceRoutes = [
  // Deleted devices stay out of the account list while the "Deleted Devices" site still lists
  // them: one way a tenant's account count and per-site counts disagree (API.md §8).
  route("GET", "/v2/account/devices", "read", (c, core) =>
    sendDeviceList(
      c,
      core,
      core.tenant.devices.filter((d) => !d.deleted),
    ),
  ),
  route("GET", "/v2/device/macAddress/{macAddress}", "read", (c, core) => {
    const mac = (c.req.param("macAddress") ?? "").replace(/[^0-9a-f]/gi, "").toUpperCase();
    const now = core.clock.now();
    const found = core.tenant.devices.filter((d) => d.mac.replace(/:/g, "") === mac);
    return c.json(found.map((d) => deviceToWire(core.tenant, d, now)));
  }),
  route("GET", "/v2/device/id/{deviceId}", "read", (c, core) => {
    const idx = core.tenant.deviceById.get(Number(c.req.param("deviceId")));
    const device = idx === undefined ? undefined : core.tenant.devices[idx];
    return device
      ? sendJson(c, core, "device", deviceToWire(core.tenant, device, core.clock.now()))
      : notFound(c, core, "Device");
  }),
  route("GET", "/v2/device/{deviceUid}", "read", (c, core) => {
    const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
    return device
      ? sendJson(c, core, "device", deviceToWire(core.tenant, device, core.clock.now()))
      : notFound(c, core, "Device");
  }),
  route(
    "PUT",
    "/v2/device/{deviceUid}/site/{siteUid}",
    { write: WRITE_OPERATION.deviceMove },
    (c, core) => {
      const { tenant } = core;
      const device = findDevice(tenant, c.req.param("deviceUid") ?? "");
      const siteIdx = tenant.siteByUid.get(c.req.param("siteUid") ?? "");
      if (!device) return notFound(c, core, "Device");
      if (siteIdx === undefined || !findSite(tenant, c.req.param("siteUid") ?? ""))
        return notFound(c, core, "Site");
      const from = tenant.sites[device.siteIdx]!;
      from.deviceIdx = from.deviceIdx.filter((i) => i !== device.idx);
      tenant.sites[siteIdx]!.deviceIdx.push(device.idx);
      device.siteIdx = siteIdx;
      return c.body(null, 200);
    },
  ),
  route(
    "POST",
    "/v2/device/{deviceUid}/udf",
    { write: WRITE_OPERATION.udfSet },
    async (c, core) => {
      const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
      if (!device) return notFound(c, core, "Device");
      const body = await readBody(c, UdfSchema);
      if (!body) return badRequest(c, core, "Failed to read request");
      for (const [key, value] of Object.entries(body)) {
        if (value === null || value === "") delete device.udf[key];
        else device.udf[key] = value;
      }
      return c.body(null, 200);
    },
  ),
  route(
    "POST",
    "/v2/device/{deviceUid}/warranty",
    { write: WRITE_OPERATION.warrantySet },
    async (c, core) => {
      const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
      if (!device) return notFound(c, core, "Device");
      const body = await readBody(c, WarrantySchema);
      if (!body) return badRequest(c, core, "Failed to read request");
      device.warrantyDate = body.warrantyDate;
      return c.body(null, 200);
    },
  ),
];
