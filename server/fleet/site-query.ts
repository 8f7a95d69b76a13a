import type { SiteQuery, SiteRow } from "../contract/sites";
import { naturalKey } from "./sort-keys";

const alertWeight = (s: SiteRow) =>
  s.openAlerts.critical * 1e8 +
  s.openAlerts.high * 1e6 +
  s.openAlerts.moderate * 1e4 +
  s.openAlerts.low * 1e2 +
  s.openAlerts.information;

const NUMBER_KEYS: Record<string, (s: SiteRow) => number> = {
  devices: (s) => s.devices,
  online: (s) => s.online,
  offline: (s) => s.offline,
  openAlerts: alertWeight,
  attention: (s) => s.attention.score,
};

/** Sites are few (thousands at most): filter and sort per request. Ties go by name. */
export function querySites(rows: readonly SiteRow[], query: SiteQuery): SiteRow[] {
  const q = query.q?.toLowerCase();
  const matched = q
    ? rows.filter((s) => `${s.name}\n${s.description ?? ""}`.toLowerCase().includes(q))
    : [...rows];
  const sort = query.sort ?? "attention";
  const sign = (query.dir ?? (sort === "name" ? "asc" : "desc")) === "asc" ? 1 : -1;
  const names = new Map(matched.map((s) => [s, naturalKey(s.name)]));
  const byName = (a: SiteRow, b: SiteRow) => {
    const x = names.get(a)!;
    const y = names.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const value = NUMBER_KEYS[sort];
  return matched.sort((a, b) => {
    if (!value) return byName(a, b) * sign;
    const diff = (value(a) - value(b)) * sign;
    return diff !== 0 ? diff : byName(a, b);
  });
}
