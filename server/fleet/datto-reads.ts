import type { AlertListResponse } from "../contract/alerts";
import type { DeviceAudit } from "../contract/device-audit";
import type { DeviceDetail } from "../contract/devices";
import type { SoftwareList } from "../contract/software";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { UdfLabelRepo } from "../store/port/fleet-repos";
import type { FleetIndex } from "./fleet-index";
import { fromFresh } from "./fresh";
import { byNewest, mapAlert } from "./map-alert";
import { mapDeviceAudit, mapEsxiAudit, mapPrinterAudit } from "./map-audit";
import { mapDeviceDetail, mapDeviceRow, labelledUdfs } from "./map-device";
import { byNameAndVersion, mapSoftware } from "./map-software";
import type { SoftwareSearch } from "./software-search";

/*
 * What one device's and one site's pages read from Datto at interactive priority (through the
 * gateway's cache), mapped to our contract; the lists come from the fleet index instead.
 */

type Result<T> = { value: T } | { error: unknown };
type Deps = { fleet: FleetIndex; datto: DattoApi; udfLabels: UdfLabelRepo };

const unavailable = (e: unknown) => e instanceof DattoError && e.kind !== "not-found";

/**
 * One device, fresh from Datto (cached by the gateway); when Datto cannot answer, the fleet
 * index's row marked stale. A device Datto says does not exist is a 404 even if indexed.
 */
export async function loadDeviceDetail(deps: Deps, uid: string): Promise<Result<DeviceDetail>> {
  const snapshot = deps.fleet.snapshot();
  const indexed = snapshot.devices[snapshot.deviceIndex.get(uid) ?? -1];
  const labels = await deps.udfLabels.getAll();
  try {
    const fresh = await deps.datto.getDevice(uid, { priority: "interactive" });
    const site = snapshot.siteIndex.get(fresh.data.siteUid ?? "");
    const row = mapDeviceRow(fresh.data, site, indexed?.openAlerts);
    return { value: mapDeviceDetail(fresh.data, row, labels, fromFresh(fresh)) };
  } catch (error) {
    if (!indexed || !unavailable(error)) return { error };
    const reason = `Datto could not be reached (${(error as Error).message}); showing the fleet index copy.`;
    return {
      value: {
        ...indexed,
        portalUrl: null,
        webRemoteUrl: null,
        a64Bit: null,
        cagVersion: null,
        displayVersion: null,
        creationDate: null,
        patches: { approvedPending: null, notApproved: null, installed: null },
        udfFields: labelledUdfs(indexed.udf, labels),
        freshness: { fetchedAt: snapshot.fetchedAt, stale: true, reason },
      },
    };
  }
}

const UNSUPPORTED = "Datto keeps no hardware or software audit for this kind of device.";

/** The audit that matches the device's class (API.md §5: the others answer 400). */
export async function loadDeviceAudit(
  deps: Pick<Deps, "fleet" | "datto">,
  uid: string,
): Promise<Result<DeviceAudit>> {
  const snapshot = deps.fleet.snapshot();
  try {
    let deviceClass = snapshot.devices[snapshot.deviceIndex.get(uid) ?? -1]?.deviceClass;
    if (deviceClass === undefined) {
      const device = await deps.datto.getDevice(uid, { priority: "interactive" });
      deviceClass = device.data.deviceClass ?? "unknown";
    }
    const read = { priority: "interactive" as const, maxAgeMs: 5 * 60_000 };
    switch (deviceClass) {
      case "device": {
        const a = await deps.datto.getDeviceAudit(uid, read);
        return { value: mapDeviceAudit(a.data, fromFresh(a)) };
      }
      case "esxihost": {
        const a = await deps.datto.getEsxiAudit(uid, read);
        return { value: mapEsxiAudit(a.data, fromFresh(a)) };
      }
      case "printer": {
        const a = await deps.datto.getPrinterAudit(uid, read);
        return { value: mapPrinterAudit(a.data, fromFresh(a)) };
      }
      default:
        return { value: unsupported(deviceClass) };
    }
  } catch (error) {
    // A class mismatch answers 400: still a message, not an error page.
    if (error instanceof DattoError && error.kind === "bad-request") {
      return { value: unsupported("unknown") };
    }
    return { error };
  }
}

const unsupported = (deviceClass: string): DeviceAudit => ({
  kind: "unsupported",
  deviceClass,
  message:
    deviceClass === "rmmnetworkdevice"
      ? "Network devices discovered by Datto have no audit: see them in the Datto portal."
      : UNSUPPORTED,
  freshness: { fetchedAt: null, stale: false, reason: null },
});

/** One device's software, sorted; it also seeds the fleet-wide software search's cache. */
export async function loadDeviceSoftware(
  deps: { datto: DattoApi; software: SoftwareSearch },
  uid: string,
): Promise<SoftwareList> {
  const list = await deps.datto.listDeviceSoftware(uid, { priority: "interactive" });
  const items = mapSoftware(list.data).sort(byNameAndVersion);
  deps.software.remember(uid, items, list.fetchedAt);
  return { items, total: items.length, freshness: fromFresh(list) };
}

/** Alerts of one device or one site, newest first. */
export async function loadAlerts(
  datto: DattoApi,
  where: { deviceUid: string } | { siteUid: string },
  state: "open" | "resolved",
): Promise<AlertListResponse> {
  const read = { priority: "interactive" as const };
  const list =
    "deviceUid" in where
      ? await datto.listDeviceAlerts(where.deviceUid, state, read)
      : await datto.listSiteAlerts(where.siteUid, state, read);
  const alerts = list.data.map((a) => mapAlert(a, list.fetchedAt)).sort(byNewest);
  return { alerts, total: alerts.length, freshness: fromFresh(list) };
}
