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
  const sites = data?.sites ?? [];
  const bySite = new Map<string, DeviceRow[]>();
  for (const d of devices) {
    const list = bySite.get(d.siteUid);
    if (list) list.push(d);
    else bySite.set(d.siteUid, [d]);
  }
  const siteRows = sites.map((s) => buildSiteRow(s, bySite.get(s.uid) ?? []));
  const memos = new Map<string, unknown>();
  const sortRanksBy = new Map<string, SortRanks>();
  // Devices are already in natural hostname order (ties by input index, as sortedOrder breaks
  // them), so the default sort of the first page after every swap costs nothing.
  const orders = new Map<string, Int32Array>([
    ["hostname:asc", Int32Array.from(devices, (_, i) => i)],
  ]);
  const snapshot: FleetSnapshot = {
    fetchedAt: data?.fetchedAt ?? null,
    sites,
    devices,
    siteRows,
    deviceIndex: new Map(devices.map((d, i) => [d.uid, i])),
    siteIndex: new Map(sites.map((s) => [s.uid, s])),
    siteRowIndex: new Map(siteRows.map((s) => [s.uid, s])),
    textIndex: createTextIndex(devices),
    memo<T>(key: string, build: (devices: readonly DeviceRow[]) => T): T {
      if (!memos.has(key)) memos.set(key, build(devices));
      return memos.get(key) as T;
    },
    order(column, dir) {
      const cacheKey = `${column}:${dir}`;
      let cached = orders.get(cacheKey);
      if (!cached) {
        let r = sortRanksBy.get(column);
        if (!r) sortRanksBy.set(column, (r = sortRanks(devices, column)));
        cached = sortedOrder(r, dir);
        orders.set(cacheKey, cached);
      }
      return cached;
    },
  };
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
