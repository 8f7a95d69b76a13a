import type { Context } from "hono";
import { recordActivity } from "./activity";
import { resolveAlert } from "./generate-alerts";
import { notFound, sendJson, sendPage } from "./responses";
import { route } from "./route-kit";
import { alertToWire } from "./serialize";
import type { SimCore } from "./sim-core";
import { findDevice, findSite } from "./tenant";
import type { AlertRec } from "./tenant-types";
import { ALERT_LIST_ORDER, MUTE_ANSWERS_STATUS, RESOLVE_RESOLVED_ALERT_STATUS } from "./unknowns";
import { WRITE_OPERATION } from "./write-operations";

function sendAlerts(c: Context, core: SimCore, alerts: readonly AlertRec[], resolved: boolean) {
  // `muted` filters nothing: muting no longer exists since Datto RMM 8.9.0 (API.md §5).
  const list = alerts.filter((a) => a.resolved === resolved);
  // The tenant keeps alerts oldest first.
  if (ALERT_LIST_ORDER === "newest-first") list.reverse();
  return sendPage(c, core, "alerts", list, (a) => alertToWire(core.tenant, a));
}

function siteAlerts(c: Context, core: SimCore, resolved: boolean) {
  const site = findSite(core.tenant, c.req.param("siteUid") ?? "");
  if (!site) return notFound(c, core, "Site");
  const idx = core.tenant.siteByUid.get(site.uid);
  const alerts = core.tenant.alerts.filter(
    (a) => core.tenant.devices[a.deviceIdx]?.siteIdx === idx,
  );
  return sendAlerts(c, core, alerts, resolved);
}

function deviceAlerts(c: Context, core: SimCore, resolved: boolean) {
  const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
  if (!device) return notFound(c, core, "Device");
  return sendAlerts(c, core, core.tenant.alertsByDevice.get(device.idx) ?? [], resolved);
}

const alertOf = (c: Context, core: SimCore) =>
  core.tenant.alertsByUid.get(c.req.param("alertUid") ?? "");

export const alertRoutes = [
  route("GET", "/v2/account/alerts/open", "read", (c, core) =>
    sendAlerts(c, core, core.tenant.alerts, false),
  ),
  route("GET", "/v2/account/alerts/resolved", "read", (c, core) =>
    sendAlerts(c, core, core.tenant.alerts, true),
  ),
  route("GET", "/v2/site/{siteUid}/alerts/open", "read", (c, core) => siteAlerts(c, core, false)),
  route("GET", "/v2/site/{siteUid}/alerts/resolved", "read", (c, core) =>
    siteAlerts(c, core, true),
  ),
  route("GET", "/v2/device/{deviceUid}/alerts/open", "read", (c, core) =>
    deviceAlerts(c, core, false),
  ),
  route("GET", "/v2/device/{deviceUid}/alerts/resolved", "read", (c, core) =>
    deviceAlerts(c, core, true),
  ),
  route("GET", "/v2/alert/{alertUid}", "read", (c, core) => {
    const alert = alertOf(c, core);
    return alert
      ? sendJson(c, core, "alert", alertToWire(core.tenant, alert))
      : notFound(c, core, "Alert");
  }),
  // Resolving answers an empty success body (API.md §5); a second resolve: unknowns.ts.
  route(
    "POST",
    "/v2/alert/{alertUid}/resolve",
    { write: WRITE_OPERATION.alertResolve },
    (c, core) => {
      const alert = alertOf(c, core);
      if (!alert) return notFound(c, core, "Alert");
      if (alert.resolved) return c.body(null, RESOLVE_RESOLVED_ALERT_STATUS);
      resolveAlert(core.tenant, alert, core.tenant.apiUserName, core.clock.now());
      recordActivity(core.tenant, {
        at: core.clock.now(),
        entity: "DEVICE",
        category: "alert",
        action: "resolve",
        deviceIdx: alert.deviceIdx,
        details: { alertUid: alert.uid },
      });
      return c.body(null, 200);
    },
  ),
  route("POST", "/v2/alert/{alertUid}/mute", { write: WRITE_OPERATION.alertMute }, (c, core) =>
    alertOf(c, core) ? c.body(null, MUTE_ANSWERS_STATUS) : notFound(c, core, "Alert"),
  ),
  route("POST", "/v2/alert/{alertUid}/unmute", { write: WRITE_OPERATION.alertMute }, (c, core) =>
    alertOf(c, core) ? c.body(null, MUTE_ANSWERS_STATUS) : notFound(c, core, "Alert"),
  ),
];
