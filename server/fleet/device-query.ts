import { DEFAULT_DEVICE_LIMIT, type DeviceQuery, type DeviceRow } from "../contract/fleet";
import { buildDevicePredicate } from "./device-filter";
import type { FleetSnapshot } from "./fleet-snapshot";

export type DeviceQueryResult = {
  total: number;
  offset: number;
  limit: number;
  rows: DeviceRow[];
};

/**
 * Answers a device query from one snapshot: walk the cached sort order, test each device, count
 * every match (for `total`) and keep only the window. `onlyUids` is the Datto saved filter's
 * devices when `filterId` was given. `limit: Infinity` returns every match (CSV export).
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
  const test = buildDevicePredicate(query, {
    now: options.now,
    haystacks: snapshot.haystacks,
    ...(options.onlyUids ? { onlyUids: options.onlyUids } : {}),
  });
  const rows: DeviceRow[] = [];
  if (!test) {
    const end = Math.min(order.length, offset + limit);
    for (let k = offset; k < end; k++) rows.push(devices[order[k]!]!);
    return { total: order.length, offset, limit: finite(limit, rows.length), rows };
  }
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const device = devices[i]!;
    if (!test(device, i)) continue;
    if (total >= offset && rows.length < limit) rows.push(device);
    total += 1;
  }
  return { total, offset, limit: finite(limit, rows.length), rows };
}

const finite = (limit: number, count: number) => (Number.isFinite(limit) ? limit : count);
