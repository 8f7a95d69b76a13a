import type { DeviceRow } from "../contract/devices";
import type { DattoApi } from "../datto/api/create-datto-api";
import { emptyAlertCounts } from "./alert-counts";
import { withDevice, withSite, type FleetSnapshot, type FleetSnapshotData } from "./fleet-snapshot";
import { alertCountsByDevice } from "./fleet-walk";
import { mapDeviceRow } from "./map-device";
import { mapSite } from "./map-site";

/** Someone asked for it and waits: interactive priority, and past the gateway's cache. */
const NOW = { priority: "interactive" as const, maxAgeMs: 0 };

export const dataOf = (s: FleetSnapshot): FleetSnapshotData => ({
  fetchedAt: s.fetchedAt ?? 0,
  sites: [...s.sites],
  devices: [...s.devices],
});

/** One device fresh from Datto, as a row with its open-alert counts. */
export async function fetchDeviceRow(
  datto: DattoApi,
  current: FleetSnapshot,
  uid: string,
): Promise<DeviceRow> {
  const [device, alerts] = await Promise.all([
    datto.getDevice(uid, NOW),
    datto.listDeviceAlerts(uid, "open", NOW),
  ]);
  const site = current.siteIndex.get(device.data.siteUid ?? "");
  const counts = alertCountsByDevice(alerts.data).get(uid) ?? emptyAlertCounts();
  return mapDeviceRow(device.data, site, counts);
}

export async function refreshedWithDevice(
  datto: DattoApi,
  current: FleetSnapshot,
  uid: string,
): Promise<{ data: FleetSnapshotData; row: DeviceRow }> {
  const row = await fetchDeviceRow(datto, current, uid);
  return { data: withDevice(dataOf(current), row), row };
}

export async function refreshedWithSite(
  datto: DattoApi,
  current: FleetSnapshot,
  uid: string,
): Promise<FleetSnapshotData> {
  const [site, devices, alerts] = await Promise.all([
    datto.getSite(uid, NOW),
    datto.listSiteDevices(uid, {}, NOW),
    datto.listSiteAlerts(uid, "open", NOW),
  ]);
  const base = mapSite(site.data);
  const counts = alertCountsByDevice(alerts.data);
  const rows = devices.data.map((d) =>
    mapDeviceRow(d, base, counts.get(d.uid) ?? emptyAlertCounts()),
  );
  return withSite(dataOf(current), base, rows);
}
