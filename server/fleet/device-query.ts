import {
  DEFAULT_DEVICE_LIMIT,
  type DeviceQuery,
  type DeviceRow,
  type FilterMembership,
  type UdfUsage,
} from "../contract/devices";
import { buildDeviceFilter, freeTerms, hostnameColumn } from "./device-filter";
import type { FleetSnapshot } from "./fleet-snapshot";
import { udfUsage } from "./udf-usage";

export type DeviceQueryResult = {
  total: number;
  offset: number;
  limit: number;
  rows: DeviceRow[];
  /** How far Datto's saved filter has been read, when the query has a filterId. */
  filter?: FilterMembership;
  /** The UDFs holding a value on any device of the fleet, for the column picker. */
  udfInUse: UdfUsage;
};

/**
 * Answers a device query from one snapshot: filter into a mask (sequential passes over flat
 * columns), then walk the cached sort order counting matches and keeping only the window.
 * Searched without a chosen sort, devices whose hostname holds every free word come first ("WS"
 * finds WS-0042 before every Windows machine), each group in hostname order.
 * `onlyUids` is the Datto saved filter's devices when `filterId` was given; `unlimited` returns
 * every match (CSV export).
 */
export function queryDevices(
  snapshot: FleetSnapshot,
  query: DeviceQuery,
  options: { now: number; onlyUids?: ReadonlySet<string>; unlimited?: boolean },
): DeviceQueryResult {
  const offset = options.unlimited ? 0 : (query.offset ?? 0);
  const limit = options.unlimited
    ? Number.POSITIVE_INFINITY
    : (query.limit ?? DEFAULT_DEVICE_LIMIT);
  const order = snapshot.order(query.sort ?? "hostname", query.dir ?? "asc");
  const { devices } = snapshot;
  const udfInUse = udfUsage(snapshot);
  const filters = buildDeviceFilter(snapshot, query, {
    now: options.now,
    ...(options.onlyUids ? { onlyUids: options.onlyUids } : {}),
  });
  const rows: DeviceRow[] = [];
  if (filters.length === 0) {
    const end = Math.min(order.length, offset + limit);
    for (let k = offset; k < end; k++) rows.push(devices[order[k]!]!);
    return { total: order.length, offset, limit: finite(limit, rows.length), rows, udfInUse };
  }
  const ranked = query.sort === undefined ? freeTerms(query.q) : [];
  const key = options.onlyUids ? null : matchKey(query);
  let mask = key === null ? undefined : keptMatches(snapshot).get(key);
  if (!mask) {
    mask = new Uint8Array(devices.length).fill(1);
    for (const refine of filters) refine(mask);
    if (ranked.length > 0) {
      const host = hostnameColumn(snapshot);
      // 2: a hostname match (walked first), 1: any other match.
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] === 1 && ranked.every((t) => host[i]!.includes(t))) mask[i] = 2;
      }
    }
    if (key !== null) keep(snapshot, key, mask);
  }
  let total = 0;
  for (const tier of ranked.length > 0 ? [2, 1] : [1]) {
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (mask[i] !== tier) continue;
      if (total >= offset && rows.length < limit) rows.push(devices[i]!);
      total += 1;
    }
  }
  return { total, offset, limit: finite(limit, rows.length), rows, udfInUse };
}

const finite = (limit: number, count: number) => (Number.isFinite(limit) ? limit : count);

/**
 * The matches of the last few filters per snapshot: the next window of a search, or the same
 * search sorted another way, walks a kept mask instead of filtering 200,000 devices again
 * (decision 0031). Not kept: filters relative to now (older than N days) and Datto saved filters.
 */
const KEPT_MATCHES = 8;
const kept = new WeakMap<FleetSnapshot, Map<string, Uint8Array>>();

function matchKey(query: DeviceQuery): string | null {
  const relative =
    query.lastSeenOlderThanDays !== undefined ||
    query.lastAuditOlderThanDays !== undefined ||
    (query.within ?? "").includes("OlderThanDays");
  if (relative) return null;
  const { sort, dir: _dir, offset: _offset, limit: _limit, filterId: _filterId, ...filter } = query;
  // Unsorted searches rank hostname matches first: a different mask from a sorted one.
  return JSON.stringify([sort === undefined, filter]);
}

function keptMatches(snapshot: FleetSnapshot): Map<string, Uint8Array> {
  let map = kept.get(snapshot);
  if (!map) kept.set(snapshot, (map = new Map()));
  return map;
}

function keep(snapshot: FleetSnapshot, key: string, mask: Uint8Array) {
  const map = keptMatches(snapshot);
  map.set(key, mask);
  if (map.size > KEPT_MATCHES) map.delete(map.keys().next().value!);
}
