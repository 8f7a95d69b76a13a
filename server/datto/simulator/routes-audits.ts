import type { Context } from "hono";
import { esxiAudit, printerAudit } from "./audits-agentless";
import { badRequest, notFound, sendJson, sendPage } from "./responses";
import { route } from "./route-kit";
import { auditOf, devicePortalUrl } from "./serialize";
import type { SimCore } from "./sim-core";
import { softwareOf } from "./software";
import { findDevice } from "./tenant";
import type { DeviceClass, DeviceRec } from "./tenant-types";

/** Each audit endpoint serves one deviceClass; any other class answers 400 (API.md §5). */
function withClass(c: Context, core: SimCore, wanted: DeviceClass): DeviceRec | Response {
  const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
  if (!device) return notFound(c, core, "Device");
  if (device.deviceClass !== wanted) {
    return badRequest(
      c,
      core,
      `Device ${device.uid} is of class '${device.deviceClass}', not '${wanted}'`,
    );
  }
  return device;
}

export const auditRoutes = [
  route("GET", "/v2/audit/device/macAddress/{macAddress}", "read", (c, core) => {
    const mac = (c.req.param("macAddress") ?? "").replace(/[^0-9a-f]/gi, "").toUpperCase();
    const found = core.tenant.devices.filter(
      (d) => d.deviceClass === "device" && d.mac.replace(/:/g, "") === mac,
    );
    return c.json(found.map((d) => auditOf(core.tenant, d)));
  }),
  route("GET", "/v2/audit/device/{deviceUid}", "read", (c, core) => {
    const device = withClass(c, core, "device");
    if (device instanceof Response) return device;
    return sendJson(c, core, "audit", auditOf(core.tenant, device));
  }),
  route("GET", "/v2/audit/device/{deviceUid}/software", "read", (c, core) => {
    const device = withClass(c, core, "device");
    if (device instanceof Response) return device;
    return sendPage(c, core, "software", softwareOf(device), (s) => s);
  }),
  route("GET", "/v2/audit/esxihost/{deviceUid}", "read", (c, core) => {
    const device = withClass(c, core, "esxihost");
    if (device instanceof Response) return device;
    return sendJson(c, core, "esxi-audit", esxiAudit(device, devicePortalUrl(device)));
  }),
  route("GET", "/v2/audit/printer/{deviceUid}", "read", (c, core) => {
    const device = withClass(c, core, "printer");
    if (device instanceof Response) return device;
    return sendJson(c, core, "printer-audit", printerAudit(device, devicePortalUrl(device)));
  }),
];
