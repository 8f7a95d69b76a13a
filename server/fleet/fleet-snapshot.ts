import type { DeviceRow } from "../contract/devices";
import type { SiteRow } from "../contract/sites";
import { buildSiteRow, type SiteBase } from "./site-rows";
import { udfUsage } from "./udf-usage";
import { createTextIndex, type TextIndex } from "./text-index";
import { naturalKey, sortedOrder, sortRanks, type SortRanks } from "./sort-keys";

/** The Datto-derived data of one complete walk: what is persisted and what a snapshot is built from. */
export type FleetSnapshotData = {
  /** When the walk that produced this data finished (epoch ms). */
  fetchedAt: number;
  sites: SiteBase[];
  devices: DeviceRow[];
};

/**
 * An immutable, complete view of the fleet plus indexes built once for it. Queries hold one
 * reference for their whole run, so a swap in the middle never mixes two snapshots. The lazy
 * caches (sort orders, lowercase fields) only ever add entries derived from the same data.
 */
export interface FleetSnapshot {
  readonly fetchedAt: number | null;
  readonly sites: readonly SiteBase[];
  /** In natural hostname order: the tie-break of every sort. */
  readonly devices: readonly DeviceRow[];
  readonly siteRows: readonly SiteRow[];
  readonly deviceIndex: ReadonlyMap<string, number>;
  readonly siteIndex: ReadonlyMap<string, SiteBase>;
  readonly siteRowIndex: ReadonlyMap<string, SiteRow>;
  /** Free-text search (text-index.ts). */
  readonly textIndex: TextIndex;
  order(column: string, dir: "asc" | "desc"): Int32Array;
  /** A per-snapshot cache of derived columns (e.g. lowercase OS), built on first use. */
  memo<T>(key: string, build: (devices: readonly DeviceRow[]) => T): T;
}

/** What a snapshot derives from its devices, built once and reused where the devices allow. */
type Derived = {
  textIndex: TextIndex;
  memos: Map<string, unknown>;
  ranks: Map<string, SortRanks>;
  orders: Map<string, Int32Array>;
};
const derivedOf = new WeakMap<FleetSnapshot, Derived>();

/** Columns whose value an alert-count change can move (sort-keys.ts). */
const ALERT_COLUMNS = new Set(["openAlerts"]);

export function createSnapshot(data: FleetSnapshotData | null): FleetSnapshot {
  const keys = (data?.devices ?? []).map((d) => naturalKey(d.hostname));
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const devices = order.map((i) => data!.devices[i]!);
  return build(data?.fetchedAt ?? null, data?.sites ?? [], devices, null);
}

/**
 * The snapshot with new open-alert counts: `devices` are the snapshot's devices in the same order,
 * differing only in `openAlerts` (fleet-index.ts applyAlertCounts, after each alert poll that
 * changed a count). Everything derived from other fields (the text search, filter columns, sort
 * orders) is carried over instead of rebuilt: at 200,000 devices that is seconds of CPU per poll.
 */
export function withAlertCounts(previous: FleetSnapshot, devices: DeviceRow[]): FleetSnapshot {
  const derived = derivedOf.get(previous);
  if (!derived || devices.length !== previous.devices.length) {
    return createSnapshot({ fetchedAt: previous.fetchedAt!, sites: [...previous.sites], devices });
  }
  const keep = <V>(map: Map<string, V>) =>
    new Map([...map].filter(([key]) => !ALERT_COLUMNS.has(key.split(":")[0]!)));
  return build(previous.fetchedAt, previous.sites, devices, {
    textIndex: derived.textIndex,
    memos: new Map(derived.memos),
    ranks: keep(derived.ranks),
    orders: keep(derived.orders),
  });
}

function build(
  fetchedAt: number | null,
  sites: readonly SiteBase[],
  devices: readonly DeviceRow[],
  carried: Derived | null,
): FleetSnapshot {
  const bySite = new Map<string, DeviceRow[]>();
  for (const d of devices) {
    const list = bySite.get(d.siteUid);
    if (list) list.push(d);
    else bySite.set(d.siteUid, [d]);
  }
  const siteRows = sites.map((s) => buildSiteRow(s, bySite.get(s.uid) ?? []));
  const derived: Derived = carried ?? {
    textIndex: createTextIndex(devices),
    memos: new Map(),
    ranks: new Map(),
    // Devices are already in natural hostname order (ties by input index, as sortedOrder breaks
    // them), so the default sort of the first page after every swap costs nothing.
    orders: new Map([["hostname:asc", Int32Array.from(devices, (_, i) => i)]]),
  };
  const { memos, ranks, orders } = derived;
  const snapshot: FleetSnapshot = {
    fetchedAt,
    sites,
    devices,
    siteRows,
    deviceIndex: new Map(devices.map((d, i) => [d.uid, i])),
    siteIndex: new Map(sites.map((s) => [s.uid, s])),
    siteRowIndex: new Map(siteRows.map((s) => [s.uid, s])),
    textIndex: derived.textIndex,
    memo<T>(key: string, make: (devices: readonly DeviceRow[]) => T): T {
      if (!memos.has(key)) memos.set(key, make(devices));
      return memos.get(key) as T;
    },
    order(column, dir) {
      const cacheKey = `${column}:${dir}`;
      let cached = orders.get(cacheKey);
      if (!cached) {
        let r = ranks.get(column);
        if (!r) ranks.set(column, (r = sortRanks(devices, column)));
        cached = sortedOrder(r, dir);
        orders.set(cacheKey, cached);
      }
      return cached;
    },
  };
  derivedOf.set(snapshot, derived);
  // Every list answer carries the UDFs in use: counted here, so the first page after a swap is cheap.
  udfUsage(snapshot);
  return snapshot;
}

/** A copy of `data` with one device replaced (or added), for an on-demand device refresh. */
export function withDevice(data: FleetSnapshotData, device: DeviceRow): FleetSnapshotData {
  const devices = data.devices.filter((d) => d.uid !== device.uid);
  devices.push(device);
  return { ...data, devices };
}

/** A copy of `data` with one site and its devices replaced, for an on-demand site refresh. */
export function withSite(
  data: FleetSnapshotData,
  site: SiteBase,
  siteDevices: DeviceRow[],
): FleetSnapshotData {
  const sites = data.sites.filter((s) => s.uid !== site.uid);
  sites.push(site);
  const devices = data.devices.filter((d) => d.siteUid !== site.uid).concat(siteDevices);
  return { ...data, sites, devices };
}
