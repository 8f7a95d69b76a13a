import type { AlertCounts } from "../contract/alerts";
import type { DeviceRow } from "../contract/devices";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { ListOptions } from "../datto/api/read-options";
import type { Fresh } from "../datto/gateway/types";
import type { DattoAlert } from "../datto/schemas/alert";
import type { DattoDevice } from "../datto/schemas/device";
import type { DattoSite } from "../datto/schemas/site";
import type { Clock } from "../lib/clock";
import { addAlert, emptyAlertCounts } from "./alert-counts";
import type { FleetSnapshotData } from "./fleet-snapshot";
import { mapDeviceRow } from "./map-device";
import { mapSite } from "./map-site";
import { mapLimit } from "./map-limit";
import { createSyncProgress, type WalkProgress } from "./sync-progress";

const PAGE_SIZE = 250;
/** Site device lists re-walked at once; the gateway's budget paces the calls themselves. */
const SITE_CONCURRENCY = 4;

type ListRead = ListOptions & Required<Pick<ListOptions, "onProgress">>;

const pagesFor = (devices: number | null) =>
  devices === null ? 1 : Math.max(1, Math.ceil(devices / PAGE_SIZE));

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

/** The account's devices by siteUid; devices without one stay out (their site then re-walks). */
function groupBySite(devices: readonly DattoDevice[]): Map<string, DattoDevice[]> {
  const groups = new Map<string, DattoDevice[]>();
  for (const d of devices) {
    if (!d.siteUid) continue;
    const list = groups.get(d.siteUid);
    if (list) list.push(d);
    else groups.set(d.siteUid, [d]);
  }
  return groups;
}

/**
 * Sites whose own device count differs from what account/devices listed for them (API.md §8:
 * the account list was seen short, e.g. it leaves out the "Deleted Devices" site's devices).
 * A site without a count is re-walked too: nothing says the account list is complete for it.
 */
function sitesToRewalk(
  sites: readonly DattoSite[],
  bySite: ReadonlyMap<string, readonly DattoDevice[]>,
): DattoSite[] {
  return sites.filter((s) => {
    const own = s.devicesStatus?.numberOfDevices ?? null;
    return own === null || own !== (bySite.get(s.uid)?.length ?? 0);
  });
}

/**
 * One full walk (background priority unless someone waits for it): sites, then the account's
 * devices page by page, then each site's own list only where the counts disagree (API.md §8),
 * then the account's open alerts for per-device counts. Throws on any failure: a partial walk is
 * never used. `fetchedAt` is the oldest of its parts; `stale` when the gateway served any part
 * past its age because Datto could not be reached.
 */
export async function walkFleet(
  datto: DattoApi,
  clock: Clock,
  options: {
    signal: AbortSignal;
    priority: "background" | "interactive";
    onProgress: (progress: WalkProgress) => void;
    /** Per-device open-alert counts from the alert queue's poller: then no alert read here. */
    alertCounts?: ReadonlyMap<string, AlertCounts> | null;
  },
): Promise<{ data: FleetSnapshotData; stale: boolean }> {
  // A walk is the refresh: past the gateway's cache (in-flight calls are still shared).
  const read = { priority: options.priority, signal: options.signal, maxAgeMs: 0 };
  const progress = createSyncProgress(options.onProgress);
  let oldest = Number.POSITIVE_INFINITY;
  let stale = false;
  const part = async <T>(key: string, list: (o: ListRead) => Promise<Fresh<T[]>>): Promise<T[]> => {
    const fresh = await list({ ...read, onProgress: (p) => progress.update(key, p) });
    progress.finish(key, fresh.data.length);
    oldest = Math.min(oldest, fresh.fetchedAt);
    stale ||= fresh.stale;
    return fresh.data;
  };

  progress.expect("sites", null);
  const polled = options.alertCounts ?? null;
  if (!polled) progress.expect("alerts", 1);
  const sites = await part("sites", (o) => datto.listSites({}, o));
  const siteCounts = sites.map((s) => s.devicesStatus?.numberOfDevices ?? null);
  const counted = siteCounts.reduce<number>((n, c) => n + (c ?? 0), 0);
  // The account's device count, site by site (Deleted Devices included): known once sites are.
  progress.expectDevices(siteCounts.includes(null) ? null : counted);
  progress.expect("devices", pagesFor(counted), { overlap: 0 });
  const bySite = groupBySite(await part("devices", (o) => datto.listAccountDevices({}, o)));

  const rewalk = sitesToRewalk(sites, bySite);
  for (const s of rewalk) {
    const pages = pagesFor(s.devicesStatus?.numberOfDevices ?? null);
    progress.expect(`site:${s.uid}`, pages, { overlap: bySite.get(s.uid)?.length ?? 0 });
  }
  const rewalked = await mapLimit(rewalk, SITE_CONCURRENCY, (s) =>
    part(`site:${s.uid}`, (o) => datto.listSiteDevices(s.uid, {}, o)),
  );
  const ownLists = new Map(rewalk.map((s, i) => [s.uid, rewalked[i]!]));

  const counts =
    polled ?? alertCountsByDevice(await part("alerts", (o) => datto.listOpenAlerts(o)));
  const siteBases = sites.map(mapSite);
  const seen = new Set<string>();
  const devices: DeviceRow[] = [];
  // Only listed sites' devices go in, as a site-by-site walk would have it. A device seen twice
  // (moved between two reads) is kept once, from a re-walked list: the later read.
  for (const ownFirst of [true, false]) {
    for (const site of siteBases) {
      if (ownLists.has(site.uid) !== ownFirst) continue;
      for (const d of ownLists.get(site.uid) ?? bySite.get(site.uid) ?? []) {
        if (seen.has(d.uid)) continue;
        seen.add(d.uid);
        devices.push(mapDeviceRow(d, site, counts.get(d.uid) ?? emptyAlertCounts()));
      }
    }
  }
  return { data: { fetchedAt: Math.min(oldest, clock.now()), sites: siteBases, devices }, stale };
}
