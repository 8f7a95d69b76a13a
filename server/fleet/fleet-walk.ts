import type { AlertCounts, DeviceRow } from "../contract/fleet";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { DattoAlert } from "../datto/schemas/alert";
import type { Clock } from "../lib/clock";
import { addAlert, emptyAlertCounts } from "./alert-counts";
import type { FleetSnapshotData } from "./fleet-snapshot";
import { mapDeviceRow } from "./map-device";
import { mapSite } from "./map-site";
import { mapLimit } from "./map-limit";
import { createSyncProgress } from "./sync-progress";

const PAGE_SIZE = 250;
/** Site device lists walked at once; the gateway's budget paces the calls themselves. */
const SITE_CONCURRENCY = 4;

export function alertCountsByDevice(alerts: readonly DattoAlert[]): Map<string, AlertCounts> {
  const counts = new Map<string, AlertCounts>();
  for (const alert of alerts) {
    const uid = alert.alertSourceInfo?.deviceUid;
    if (!uid || alert.resolved) continue;
    let c = counts.get(uid);
    if (!c) counts.set(uid, (c = emptyAlertCounts()));
    addAlert(c, alert.priority);
  }
  return counts;
}

/**
 * One full walk (background priority unless someone waits for it): sites, then each site's devices (not account/devices,
 * which was seen returning fewer devices than the per-site lists: API.md §8), then the account's
 * open alerts for per-device counts. Throws on any failure: a partial walk is never used.
 * `fetchedAt` is the oldest of its parts (some may come from the gateway's cache); `stale` when
 * the gateway served any part past its age because Datto could not be reached.
 */
export async function walkFleet(
  datto: DattoApi,
  clock: Clock,
  options: {
    signal: AbortSignal;
    priority: "background" | "interactive";
    onProgress: (done: number, total: number | null) => void;
  },
): Promise<{ data: FleetSnapshotData; stale: boolean }> {
  // A walk is the refresh: past the gateway's cache (in-flight calls are still shared).
  const read = { priority: options.priority, signal: options.signal, maxAgeMs: 0 };
  const progress = createSyncProgress(options.onProgress);
  progress.expect("sites", null);
  progress.expect("alerts", 1);
  const sites = await datto.listSites(
    {},
    { ...read, onProgress: (p) => progress.update("sites", p) },
  );
  progress.finish("sites");
  let oldest = sites.fetchedAt;
  let stale = sites.stale;
  const siteBases = sites.data.map(mapSite);
  for (const s of sites.data) {
    const n = s.devicesStatus?.numberOfDevices ?? null;
    progress.expect(`site:${s.uid}`, n === null ? 1 : Math.max(1, Math.ceil(n / PAGE_SIZE)));
  }
  const perSite = await mapLimit(siteBases, SITE_CONCURRENCY, async (site) => {
    const key = `site:${site.uid}`;
    const list = await datto.listSiteDevices(
      site.uid,
      {},
      { ...read, onProgress: (p) => progress.update(key, p) },
    );
    progress.finish(key);
    oldest = Math.min(oldest, list.fetchedAt);
    stale ||= list.stale;
    return list.data.map((d) => ({ d, site }));
  });
  const alerts = await datto.listOpenAlerts(read);
  progress.finish("alerts");
  const counts = alertCountsByDevice(alerts.data);
  const seen = new Set<string>();
  const devices: DeviceRow[] = [];
  for (const { d, site } of perSite.flat()) {
    if (seen.has(d.uid)) continue;
    seen.add(d.uid);
    devices.push(mapDeviceRow(d, site, counts.get(d.uid) ?? emptyAlertCounts()));
  }
  oldest = Math.min(oldest, alerts.fetchedAt);
  stale ||= alerts.stale;
  return { data: { fetchedAt: Math.min(oldest, clock.now()), sites: siteBases, devices }, stale };
}
