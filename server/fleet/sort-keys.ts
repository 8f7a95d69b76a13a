import type { DeviceRow } from "../contract/devices";

/**
 * Sort keys. Decision (bench/fleet.ts, one sort of 50,000 shuffled hostnames on the shared 2-core
 * box): Intl.Collator({numeric}) comparator ~176 ms; String#localeCompare ~73 ms but "PC-10"
 * sorts before "PC-2"; lowercase keys with `<` ~41 ms, same PC-10 problem; "natural" keys
 * (lowercase, accents stripped, digit runs zero-padded) with `<` ~115 ms including the key build,
 * i.e. the collator's order at ~2/3 of its cost. We take natural keys: the sorted order is cached
 * per snapshot and column, so this is paid once per refresh and column, never per query (device
 * query p95 17.7 ms over the HTTP route at 50k devices).
 */
export function naturalKey(value: string): string {
  let key = value.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(key)) key = key.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return key.replace(/\d+/g, (digits) => digits.padStart(12, "0"));
}

const bool = (v: boolean) => (v ? 1 : 0);
const num = (v: number | null) => (v === null ? Number.NaN : v);

/** Orders IPv4 numerically ("10.0.0.9" before "10.0.0.10"); anything else as natural text. */
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ipKey = (v: string) => {
  const m = IPV4.exec(v);
  return m
    ? m
        .slice(1)
        .map((p) => p.padStart(3, "0"))
        .join(".")
    : naturalKey(v);
};

/** Critical outranks any number of lower priorities. */
const alertWeight = (a: DeviceRow["openAlerts"]) =>
  a.critical * 1e8 + a.high * 1e6 + a.moderate * 1e4 + a.low * 1e2 + a.information;

const NUMERIC: Record<string, (d: DeviceRow) => number> = {
  online: (d) => bool(d.online),
  rebootRequired: (d) => bool(d.rebootRequired),
  suspended: (d) => bool(d.suspended),
  lastSeen: (d) => num(d.lastSeen),
  lastReboot: (d) => num(d.lastReboot),
  lastAuditDate: (d) => num(d.lastAuditDate),
  openAlerts: (d) => alertWeight(d.openAlerts),
};

/** The text of a text column; empty (null, "") sorts last. */
const TEXT: Record<string, (d: DeviceRow) => string | null | undefined> = {
  hostname: (d) => d.hostname,
  siteName: (d) => d.siteName,
  deviceClass: (d) => d.deviceClass,
  deviceType: (d) => d.deviceType.type ?? d.deviceType.category,
  operatingSystem: (d) => d.operatingSystem,
  lastLoggedInUser: (d) => d.lastLoggedInUser,
  intIpAddress: (d) => d.intIpAddress,
  extIpAddress: (d) => d.extIpAddress,
  description: (d) => d.description,
  domain: (d) => d.domain,
  patchStatus: (d) => d.patchStatus,
  antivirusStatus: (d) => d.antivirusStatus,
  antivirusProduct: (d) => d.antivirusProduct,
  warrantyDate: (d) => d.warrantyDate,
};
const KEY: Record<string, (v: string) => string> = { intIpAddress: ipKey, extIpAddress: ipKey };

/** Each device's place among the distinct non-empty values (-1: empty), and how many there are. */
export type SortRanks = { ranks: Int32Array; distinct: number };

/**
 * Ranks instead of a comparator sort over 200,000 keys (decision 0031): each distinct value gets
 * its key once (a site name or an OS is shared by thousands of devices) and the distinct values
 * are sorted once; both directions are then a counting sort over the ranks, O(devices).
 * For a valid sort column (see isDeviceSortKey); udfN sorts as natural text.
 */
export function sortRanks(devices: readonly DeviceRow[], column: string): SortRanks {
  const numeric = NUMERIC[column];
  if (numeric) {
    const values = new Float64Array(devices.length);
    for (let i = 0; i < devices.length; i++) values[i] = numeric(devices[i]!);
    return numberRanks(values);
  }
  const text = TEXT[column] ?? ((d: DeviceRow) => d.udf[column]);
  return textRanks(devices, text, KEY[column] ?? naturalKey);
}

function numberRanks(values: Float64Array): SortRanks {
  const ranks = new Int32Array(values.length).fill(-1);
  // A loop, not TypedArray#filter: its callback costs more than the native numeric sort.
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count += 1;
  const present = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++)
    if (!Number.isNaN(values[i]!)) present[k++] = values[i]!;
  present.sort();
  let m = 0;
  for (let k = 0; k < present.length; k++) {
    if (m === 0 || present[k] !== present[m - 1]) present[m++] = present[k]!;
  }
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, distinct: m };
}

function textRanks(
  devices: readonly DeviceRow[],
  text: (d: DeviceRow) => string | null | undefined,
  key: (v: string) => string,
): SortRanks {
  const codeOf = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(devices.length);
  for (let i = 0; i < devices.length; i++) {
    const v = text(devices[i]!);
    if (!v) {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(v);
    if (code === undefined) {
      code = distinct.length;
      distinct.push(v);
      codeOf.set(v, code);
    }
    codes[i] = code;
  }
  const ranks = new Int32Array(devices.length);
  const rankOf = distinctRanks(distinct, key);
  for (let i = 0; i < devices.length; i++) ranks[i] = codes[i]! < 0 ? -1 : rankOf.ranks[codes[i]!]!;
  return { ranks, distinct: rankOf.distinct };
}

/** IPv4 "a.b.c.d" as one number in the order of its zero-padded key (ipKey); else null. */
function ipNumber(v: string): number | null {
  const m = IPV4.exec(v);
  return m
    ? ((Number(m[1]) * 1000 + Number(m[2])) * 1000 + Number(m[3])) * 1000 + Number(m[4])
    : null;
}

/** The rank of each distinct text by its key; texts with one key ("PC-1", "pc-1") tie. */
function distinctRanks(distinct: string[], key: (v: string) => string): SortRanks {
  if (key === ipKey) {
    // Addresses are all different: numbers sort natively where strings need comparisons.
    const numbers = new Float64Array(distinct.length);
    let allV4 = true;
    for (let c = 0; c < distinct.length && allV4; c++) {
      const n = ipNumber(distinct[c]!);
      if (n === null) allV4 = false;
      else numbers[c] = n;
    }
    if (allV4) return numberRanks(numbers);
  }
  const keys = distinct.map(key);
  // The default sort compares as `<` does, without a comparator call per pair.
  const sorted = [...keys].sort();
  const rankOfKey = new Map<string, number>();
  for (const k of sorted) if (!rankOfKey.has(k)) rankOfKey.set(k, rankOfKey.size);
  return { ranks: Int32Array.from(keys, (k) => rankOfKey.get(k)!), distinct: rankOfKey.size };
}

/**
 * Device indexes ordered by their ranks; empty values last in both directions; ties keep index
 * order (the snapshot's hostname order), so the sort is stable and deterministic.
 */
export function sortedOrder({ ranks, distinct }: SortRanks, dir: "asc" | "desc"): Int32Array {
  // Bucket per rank (reversed for desc), the empties in the last one.
  const bucketOf = (r: number) => (r < 0 ? distinct : dir === "asc" ? r : distinct - 1 - r);
  const starts = new Int32Array(distinct + 2);
  for (let i = 0; i < ranks.length; i++) starts[bucketOf(ranks[i]!) + 1]! += 1;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const order = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) order[starts[bucketOf(ranks[i]!)]!++] = i;
  return order;
}
