import type { DeviceRow } from "../contract/devices";

/**
 * The free-text search of one snapshot (device-search.ts: a plain word matches when any searchable
 * field of a device holds it, case-insensitive).
 *
 * Decision 0031: at 200,000 devices half of the text is operating systems and site names, a few
 * thousand distinct strings repeated. A field with few distinct values (relative to the fleet) is
 * kept as codes plus its distinct values, tested once each; only the many-valued fields (hostname,
 * user, IPs, a serial-number UDF) are joined into one text that `indexOf` scans. A word never spans
 * two fields (it has no line break; one that does is checked against each device's whole text), so
 * the answer is the one the single joined text gave. Each word's hits are kept for the snapshot
 * (a few); a longer word that contains a kept one (typing "ws" then "ws-0") only re-tests the
 * devices the kept one hit.
 */
export interface TextIndex {
  /** hits[i] === 1 when device i holds `term` (lower-cased, non-empty). Do not modify. */
  hits(term: string): Uint8Array;
}

/** Devices are separated by this in the joined text, so a word never matches across two. */
const DEVICE_SEPARATOR = "\u0001";
/** A field is coded when it has at most this many distinct values per device... */
const CODED_SHARE = 1 / 32;
/** ...or this many, whichever is more (small fleets). */
const CODED_MIN = 64;
/** How many words' hits a snapshot keeps. */
const KEPT_TERMS = 16;

type Field = (d: DeviceRow) => string | null | undefined;

const clean = (v: string) => v.toLowerCase().split(DEVICE_SEPARATOR).join(" ");

/** The searchable fields, in the order of the device's text; UDFs are added per key in use. */
const BASE_FIELDS: Field[] = [
  (d) => d.hostname,
  (d) => d.lastLoggedInUser,
  (d) => d.intIpAddress,
  (d) => d.extIpAddress,
  (d) => d.operatingSystem,
  (d) => d.siteName,
  (d) => d.description,
];

/** One device's whole text, as every field joined: the reference the split form must equal. */
function wholeText(d: DeviceRow): string {
  const parts = [...BASE_FIELDS.map((f) => f(d)), ...Object.values(d.udf)];
  return clean(parts.filter((p) => p).join("\n"));
}

type CodedField = { codes: Int32Array; values: string[] };

function codedField(devices: readonly DeviceRow[], field: Field): CodedField | null {
  const limit = Math.max(CODED_MIN, Math.floor(devices.length * CODED_SHARE));
  const index = new Map<string, number>([["", 0]]);
  const values = [""];
  const codes = new Int32Array(devices.length);
  for (let i = 0; i < devices.length; i++) {
    const raw = field(devices[i]!) ?? "";
    let code = index.get(raw);
    if (code === undefined) {
      if (values.length > limit) return null;
      code = values.length;
      values.push(raw);
      index.set(raw, code);
    }
    codes[i] = code;
  }
  return { codes, values: values.map(clean) };
}

export function createTextIndex(devices: readonly DeviceRow[]): TextIndex {
  const udfKeys = new Set<string>();
  for (const d of devices) for (const key in d.udf) udfKeys.add(key);
  const fields: Field[] = [
    ...BASE_FIELDS,
    ...[...udfKeys].map(
      (k): Field =>
        (d) =>
          d.udf[k],
    ),
  ];
  const coded: CodedField[] = [];
  const scanned: Field[] = [];
  for (const field of fields) {
    const column = codedField(devices, field);
    if (column) coded.push(column);
    else scanned.push(field);
  }
  const texts = devices.map((d) =>
    clean(
      scanned
        .map((f) => f(d))
        .filter((p) => p)
        .join("\n"),
    ),
  );
  const starts = new Int32Array(devices.length + 1);
  texts.forEach((t, i) => (starts[i + 1] = starts[i]! + t.length + 1));
  const text = texts.join(DEVICE_SEPARATOR) + DEVICE_SEPARATOR;
  const count = devices.length;

  /** Every device whose scanned text holds `term`: one indexOf pass over the joined text. */
  function scanAll(term: string, hits: Uint8Array) {
    let at = text.indexOf(term);
    let lo = 0;
    while (at >= 0) {
      // Hits come in text order: gallop forward from the last device hit, then bisect.
      let step = 1;
      while (lo + step < count && starts[lo + step]! <= at) step *= 2;
      let hi = Math.min(count - 1, lo + step);
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      hits[lo] = 1;
      at = text.indexOf(term, starts[lo + 1]!);
    }
  }

  /** Only the devices in `candidates` (few): each one's own stretch of the text. */
  function scanSome(term: string, candidates: Int32Array, hits: Uint8Array) {
    for (const i of candidates) {
      if (text.slice(starts[i]!, starts[i + 1]! - 1).includes(term)) hits[i] = 1;
    }
  }

  function compute(term: string, within: Uint8Array | null): Uint8Array {
    const hits = new Uint8Array(count);
    if (term.includes("\n")) {
      // A word across two fields: only the whole text can say (a quoted line break; rare).
      for (let i = 0; i < count; i++) {
        if ((within === null || within[i] === 1) && wholeText(devices[i]!).includes(term)) {
          hits[i] = 1;
        }
      }
      return hits;
    }
    // Re-testing candidates one by one pays when they are a small part of the fleet.
    const candidates = within === null ? null : fewOf(within, count / 8);
    if (candidates) scanSome(term, candidates, hits);
    else scanAll(term, hits);
    for (const { codes, values } of coded) {
      const ok = Uint8Array.from(values, (v) => (v !== "" && v.includes(term) ? 1 : 0));
      if (!ok.includes(1)) continue;
      if (candidates) {
        for (const i of candidates) if (ok[codes[i]!] === 1) hits[i] = 1;
      } else {
        for (let i = 0; i < count; i++) if (ok[codes[i]!] === 1) hits[i] = 1;
      }
    }
    return hits;
  }

  const kept = new Map<string, Uint8Array>();
  return {
    hits(term) {
      const known = kept.get(term);
      if (known) {
        // Most recently used last: the oldest is dropped first.
        kept.delete(term);
        kept.set(term, known);
        return known;
      }
      // The longest kept word inside this one: every device holding this one holds it too.
      let within: string | null = null;
      for (const k of kept.keys()) {
        if (term.includes(k) && (within === null || k.length > within.length)) within = k;
      }
      const hits = compute(term, within === null ? null : kept.get(within)!);
      kept.set(term, hits);
      if (kept.size > KEPT_TERMS) kept.delete(kept.keys().next().value!);
      return hits;
    },
  };
}

/** The indexes flagged 1, or null when there are `most` or more (then a full scan is cheaper). */
function fewOf(flags: Uint8Array, most: number): Int32Array | null {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  if (n >= most) return null;
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i] === 1) out[k++] = i;
  return out;
}
