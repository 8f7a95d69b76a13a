import { parseUdfFilter, type DeviceQuery, type DeviceRow } from "../contract/devices";
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

const keepIf =
  (test: (i: number) => boolean): Refine =>
  (mask) => {
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !test(i)) mask[i] = 0;
  };

/**
 * Free text over the joined haystack: indexOf jumps straight to the next hit and then to the next
 * device, so a rare term costs one scan of the text instead of one `includes` per device.
 */
function textTerm(s: FleetSnapshot, term: string): Refine {
  return (mask) => {
    if (mask.length === 0) return;
    const hits = new Uint8Array(mask.length);
    const { text, textStarts } = s;
    let at = text.indexOf(term);
    while (at >= 0) {
      let lo = 0;
      let hi = mask.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (textStarts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      hits[lo] = 1;
      at = text.indexOf(term, textStarts[lo + 1]!);
    }
    for (let i = 0; i < mask.length; i++) mask[i]! &= hits[i]!;
  };
}

/**
 * The filters of a query as mask refiners over per-snapshot columns (each a tight loop over a
 * flat array). Free text: every whitespace-separated term must occur. "Older than N days"
 * includes devices never seen / never audited. `udf=n:` with empty text means "has a value".
 */
export function buildDeviceFilter(
  s: FleetSnapshot,
  query: DeviceQuery,
  ctx: { now: number; onlyUids?: ReadonlySet<string> },
): Refine[] {
  const out: Refine[] = [];
  // The separator of the joined text can never be part of a term.
  const terms = (query.q ?? "")
    .toLowerCase()
    .split(SEPARATOR)
    .join("")
    .split(/\s+/)
    .filter(Boolean);
  for (const term of terms) out.push(textTerm(s, term));
  const equal = (key: string, value: (d: DeviceRow) => string | null, want: string | undefined) => {
    if (want === undefined) return;
    const column = exact(s, key, value);
    out.push(keepIf((i) => column[i] === want));
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
    const type = lower(s, "deviceType.type", (d) => d.deviceType.type);
    const category = lower(s, "deviceType.category", (d) => d.deviceType.category);
    out.push(keepIf((i) => type[i] === want || category[i] === want));
  }
  if (query.os !== undefined) {
    const want = query.os.toLowerCase();
    const os = lower(s, "os", (d) => d.operatingSystem);
    out.push(keepIf((i) => os[i]!.includes(want)));
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
    const column = lower(s, udf.key, (d) => d.udf[udf.key]);
    out.push(keepIf((i) => column[i] !== "" && column[i]!.includes(want)));
  }
  const { onlyUids } = ctx;
  if (onlyUids) {
    const uids = exact(s, "uid", (d) => d.uid);
    out.push(keepIf((i) => onlyUids.has(uids[i]!)));
  }
  return out;
}
