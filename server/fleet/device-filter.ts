import {
  parseDeviceSet,
  parseUdfFilter,
  type DeviceQuery,
  type DeviceRow,
  type DeviceSetQuery,
} from "../contract/devices";
import { parseDeviceSearch, type DeviceSearchField } from "../contract/device-search";
import type { FleetSnapshot } from "./fleet-snapshot";

const DAY_MS = 24 * 60 * 60 * 1000;
const SEPARATOR = "\u0001";

/** Clears mask[i] for every device i the filter rejects. */
type Refine = (mask: Uint8Array) => void;

const lower = (s: FleetSnapshot, key: string, value: (d: DeviceRow) => string | null | undefined) =>
  s.memo(`lower:${key}`, (ds) => ds.map((d) => (value(d) ?? "").toLowerCase()));
const numbers = (s: FleetSnapshot, key: string, value: (d: DeviceRow) => number | null) =>
  s.memo(`num:${key}`, (ds) => Float64Array.from(ds, (d) => value(d) ?? Number.NaN));
const flags = (s: FleetSnapshot, key: string, value: (d: DeviceRow) => boolean) =>
  s.memo(`flag:${key}`, (ds) => Uint8Array.from(ds, (d) => (value(d) ? 1 : 0)));
const exact = (s: FleetSnapshot, key: string, value: (d: DeviceRow) => string | null) =>
  s.memo(`exact:${key}`, (ds) => ds.map(value));

/**
 * A column as small integers, each distinct value once (the sites, statuses, OS names and UDF
 * values of 200,000 devices are a few thousand strings): a filter tests each distinct value once,
 * then walks integers instead of comparing or searching 200,000 strings (issue 13).
 */
type Coded = { codes: Int32Array; values: Array<string | null> };
const coded = (s: FleetSnapshot, key: string, value: (d: DeviceRow) => string | null) =>
  s.memo(`codes:${key}`, (ds): Coded => {
    const index = new Map<string | null, number>();
    const values: Array<string | null> = [];
    const codes = new Int32Array(ds.length);
    for (let i = 0; i < ds.length; i++) {
      const v = value(ds[i]!);
      let code = index.get(v);
      if (code === undefined) {
        code = values.length;
        values.push(v);
        index.set(v, code);
      }
      codes[i] = code;
    }
    return { codes, values };
  });
const lowerCoded = (
  s: FleetSnapshot,
  key: string,
  value: (d: DeviceRow) => string | null | undefined,
) => coded(s, `lower:${key}`, (d) => (value(d) ?? "").toLowerCase());

const keepValues =
  ({ codes, values }: Coded, test: (value: string | null) => boolean): Refine =>
  (mask) => {
    const ok = Uint8Array.from(values, (v) => (test(v) ? 1 : 0));
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && ok[codes[i]!] === 0) mask[i] = 0;
  };

const keepIf =
  (test: (i: number) => boolean): Refine =>
  (mask) => {
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !test(i)) mask[i] = 0;
  };

/** Free text: the devices holding the word in any searchable field (text-index.ts). */
function textTerm(s: FleetSnapshot, term: string): Refine {
  return (mask) => {
    const hits = s.textIndex.hits(term);
    for (let i = 0; i < mask.length; i++) mask[i]! &= hits[i]!;
  };
}

/** The lower-cased text one field prefix searches (device-search.ts). */
const FIELD_TEXT: Record<string, (d: DeviceRow) => string | null> = {
  host: (d) => d.hostname,
  user: (d) => d.lastLoggedInUser,
  ip: (d) => [d.intIpAddress, d.extIpAddress].filter(Boolean).join("\n"),
  site: (d) => d.siteName,
  os: (d) => d.operatingSystem,
};

/** One term limited to one field: a substring test over that field's lower-cased column. */
function fieldTerm(s: FleetSnapshot, field: DeviceSearchField, term: string): Refine {
  const value = FIELD_TEXT[field] ?? ((d: DeviceRow) => d.udf[field]);
  return keepValues(lowerCoded(s, `field:${field}`, value), (v) => v!.includes(term));
}

/** Lower-cased hostnames: free-text matches in the hostname rank first (device-query.ts). */
export const hostnameColumn = (s: FleetSnapshot) => lower(s, "field:host", FIELD_TEXT.host!);

/** The words of `q` that are not limited to a field, as the text search sees them. */
export function freeTerms(q: string | undefined): string[] {
  return parseDeviceSearch(q)
    .filter((t) => t.field === null)
    .map((t) => t.text.split(SEPARATOR).join(""))
    .filter(Boolean);
}

/**
 * The filters of a query as mask refiners over per-snapshot columns (each a tight loop over a
 * flat array). Free text: every term must occur (device-search.ts). "Older than N days"
 * includes devices never seen / never audited. `udf=n:` with empty text means "has a value".
 * `uids`, `exceptUids` and `within` narrow the result to a selection (device-set.ts).
 */
export function buildDeviceFilter(
  s: FleetSnapshot,
  query: DeviceQuery | DeviceSetQuery,
  ctx: { now: number; onlyUids?: ReadonlySet<string> },
): Refine[] {
  const out: Refine[] = [];
  for (const term of freeTerms(query.q)) out.push(textTerm(s, term));
  for (const { field, text } of parseDeviceSearch(query.q)) {
    if (field !== null) out.push(fieldTerm(s, field, text));
  }
  const equal = (key: string, value: (d: DeviceRow) => string | null, want: string | undefined) => {
    if (want === undefined) return;
    out.push(keepValues(coded(s, key, value), (v) => v === want));
  };
  equal("siteUid", (d) => d.siteUid, query.siteUid);
  equal("deviceClass", (d) => d.deviceClass, query.deviceClass);
  equal("patchStatus", (d) => d.patchStatus, query.patchStatus);
  equal("antivirusStatus", (d) => d.antivirusStatus, query.antivirusStatus);
  const flag = (key: string, value: (d: DeviceRow) => boolean, want: boolean | undefined) => {
    if (want === undefined) return;
    const column = flags(s, key, value);
    const bit = want ? 1 : 0;
    out.push(keepIf((i) => column[i] === bit));
  };
  flag(
    "online",
    (d) => d.online,
    query.status === undefined ? undefined : query.status === "online",
  );
  flag("rebootRequired", (d) => d.rebootRequired, query.rebootRequired);
  if (query.deviceType !== undefined) {
    const want = query.deviceType.toLowerCase();
    const both = lowerCoded(
      s,
      "deviceType",
      (d) => `${d.deviceType.type ?? ""}\u0000${d.deviceType.category ?? ""}`,
    );
    out.push(keepValues(both, (v) => v!.split("\u0000").includes(want)));
  }
  if (query.os !== undefined) {
    const want = query.os.toLowerCase();
    const os = lowerCoded(s, "os", (d) => d.operatingSystem);
    out.push(keepValues(os, (v) => v!.includes(want)));
  }
  const olderThan = (key: "lastSeen" | "lastAuditDate", days: number | undefined) => {
    if (days === undefined) return;
    const before = ctx.now - days * DAY_MS;
    const column = numbers(s, key, (d) => d[key]);
    out.push(keepIf((i) => !(column[i]! >= before)));
  };
  olderThan("lastSeen", query.lastSeenOlderThanDays);
  olderThan("lastAuditDate", query.lastAuditOlderThanDays);
  const udf = query.udf === undefined ? null : parseUdfFilter(query.udf);
  if (udf) {
    const want = udf.text.toLowerCase();
    const column = lowerCoded(s, udf.key, (d) => d.udf[udf.key]);
    out.push(keepValues(column, (v) => v !== "" && v!.includes(want)));
  }
  const uids = () => exact(s, "uid", (d) => d.uid);
  const keepUids = (set: ReadonlySet<string>, keep: boolean) => {
    const column = uids();
    out.push(keepIf((i) => set.has(column[i]!) === keep));
  };
  if (ctx.onlyUids) keepUids(ctx.onlyUids, true);
  if (query.uids) keepUids(new Set(query.uids), true);
  if (query.exceptUids) keepUids(new Set(query.exceptUids), false);
  if ("within" in query && query.within !== undefined) {
    const within = parseDeviceSet(query.within);
    // The route validated it; should anything else pass nonsense, narrow to nothing, never to all.
    if (within) out.push(...buildDeviceFilter(s, within, { now: ctx.now }));
    else out.push(keepIf(() => false));
  }
  return out;
}
