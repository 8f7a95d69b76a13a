import type { Context } from "hono";
import { findFilter } from "./filters";
import { badRequest, notFound, sendPage } from "./responses";
import { deviceToWire, deviceTypeOf } from "./serialize";
import type { SimCore } from "./sim-core";
import type { DeviceRec } from "./tenant-types";

const like = (value: string | null | undefined, needle: string | undefined) =>
  needle === undefined ||
  needle === "" ||
  (value ?? "").toLowerCase().includes(needle.toLowerCase());

/** Paged devices, narrowed by `filterId` (which alone decides, per the spec) or by LIKE params. */
export function sendDeviceList(
  c: Context,
  core: SimCore,
  candidates: readonly DeviceRec[],
): Response {
  const { tenant } = core;
  const now = core.clock.now();
  const rawFilter = c.req.query("filterId");
  let devices: readonly DeviceRec[] = candidates;
  if (rawFilter !== undefined && rawFilter !== "") {
    const id = Number(rawFilter);
    if (!Number.isInteger(id)) return badRequest(c, core, "Invalid filterId");
    const filter = findFilter(tenant, id);
    if (!filter) return notFound(c, core, `Filter ${rawFilter}`);
    devices = candidates.filter((d) => filter.match(d, now));
  } else {
    const hostname = c.req.query("hostname");
    const deviceType = c.req.query("deviceType");
    const os = c.req.query("operatingSystem");
    const siteName = c.req.query("siteName");
    if (hostname || deviceType || os || siteName) {
      devices = candidates.filter((d) => {
        const type = deviceTypeOf(d);
        return (
          like(d.hostname, hostname) &&
          like(d.os, os) &&
          (like(type.category, deviceType) || like(type.type, deviceType)) &&
          like(tenant.sites[d.siteIdx]?.name, siteName)
        );
      });
    }
  }
  return sendPage(c, core, "devices", devices, (d) => deviceToWire(tenant, d, now));
}
