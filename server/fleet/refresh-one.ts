import type { DattoApi } from "../datto/api/create-datto-api";
import type { Fresh } from "../datto/gateway/types";
import { emptyAlertCounts } from "./alert-counts";
import type { DeviceRow } from "../contract/devices";
import { withDevice, withSite, type FleetSnapshot, type FleetSnapshotData } from "./fleet-snapshot";
import type { SiteBase } from "./site-rows";
import { alertCountsByDevice } from "./fleet-walk";
import { mapDeviceRow } from "./map-device";
import { mapSite } from "./map-site";

/** Someone asked for it and waits: interactive priority, and past the gateway's cache. */
const NOW = { priority: "interactive" as const, maxAgeMs: 0 };

/**
 * A refresh either read Datto now (`data` is the snapshot with the new rows in), or Datto could
 * not be reached and the gateway served its cached copy: then nothing may be swapped in, and the
 * caller says so instead of pretending the refresh happened.
 */
export type RefreshRead =
  { stale: false; fetchedAt: number; data: FleetSnapshotData } | { stale: true; fetchedAt: number };

const dataOf = (s: FleetSnapshot): FleetSnapshotData => ({
  fetchedAt: s.fetchedAt ?? 0,
  sites: [...s.sites],
  devices: [...s.devices],
});

const freshnessOf = (reads: Array<Fresh<unknown>>) => ({
  stale: reads.some((r) => r.stale),
  fetchedAt: Math.min(...reads.map((r) => r.fetchedAt)),
});

export async function refreshedWithDevice(
  datto: DattoApi,
  current: FleetSnapshot,
  uid: string,
): Promise<RefreshRead> {
  const [device, alerts] = await Promise.all([
    datto.getDevice(uid, NOW),
    datto.listDeviceAlerts(uid, "open", NOW),
  ]);
  const { stale, fetchedAt } = freshnessOf([device, alerts]);
  if (stale) return { stale, fetchedAt };
  const site = current.siteIndex.get(device.data.siteUid ?? "");
  const counts = alertCountsByDevice(alerts.data).get(uid) ?? emptyAlertCounts();
  const row = mapDeviceRow(device.data, site, counts);
  return { stale, fetchedAt, data: withDevice(dataOf(current), row) };
}

export async function refreshedWithSite(
  datto: DattoApi,
  current: FleetSnapshot,
  uid: string,
): Promise<RefreshRead> {
  const [site, devices, alerts] = await Promise.all([
    datto.getSite(uid, NOW),
    datto.listSiteDevices(uid, {}, NOW),
    datto.listSiteAlerts(uid, "open", NOW),
  ]);
  const { stale, fetchedAt } = freshnessOf([site, devices, alerts]);
  if (stale) return { stale, fetchedAt };
  const base = mapSite(site.data);
  const counts = alertCountsByDevice(alerts.data);
  const rows = devices.data.map((d) =>
    mapDeviceRow(d, base, counts.get(d.uid) ?? emptyAlertCounts()),
  );
  return { stale, fetchedAt, data: withSite(dataOf(current), base, rows) };
}

/** What one instance's refresh put in its index, for the other instances to put in theirs. */
export type RefreshedRows = { device: DeviceRow } | { site: SiteBase; devices: DeviceRow[] };

/** The rows another instance refreshed, put into `current` (decision 0030). */
export function withRefreshedRows(current: FleetSnapshot, rows: RefreshedRows): FleetSnapshotData {
  return "device" in rows
    ? withDevice(dataOf(current), rows.device)
    : withSite(dataOf(current), rows.site, rows.devices);
}

/** The rows a refresh of this device or site put into `current`, to pass on. */
export function refreshedRowsOf(
  current: FleetSnapshot,
  what: { device: string } | { site: string },
): RefreshedRows | null {
  if ("device" in what) {
    const at = current.deviceIndex.get(what.device);
    return at === undefined ? null : { device: current.devices[at]! };
  }
  const site = current.siteIndex.get(what.site);
  if (!site) return null;
  return { site, devices: current.devices.filter((d) => d.siteUid === what.site) };
}
