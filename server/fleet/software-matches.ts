import { csvCell } from "../contract/csv";
import type { SoftwareMatch, SoftwareMatchView } from "../contract/software";
import { csvStream } from "./csv-stream";
import { naturalKey } from "./sort-keys";

/**
 * The matches a view keeps, in its order: one version (or the entries without one), sorted by a
 * column in the device table's natural order ("PC-2" before "PC-10", sort-keys.ts), ties in the
 * fleet's order (by device); the fleet's order when unsorted. At 50,000 matches this runs on every
 * poll of a search: keys are built once per distinct text (bench/software-search.ts).
 */
export function viewMatches(
  all: readonly SoftwareMatch[],
  view: SoftwareMatchView,
): readonly SoftwareMatch[] {
  const wanted = view.version ?? (view.unversioned ? "" : undefined);
  const kept = wanted === undefined ? all : all.filter((m) => m.version === wanted);
  const column = view.sort;
  if (column === undefined) return kept;
  const keyOf = new Map<string, string>();
  const keys = kept.map((m) => {
    const text = m[column];
    let key = keyOf.get(text);
    if (key === undefined) keyOf.set(text, (key = naturalKey(text)));
    return key;
  });
  const sign = view.dir === "desc" ? -1 : 1;
  const order = kept.map((_, i) => i);
  order.sort((a, b) => (keys[a]! < keys[b]! ? -sign : keys[a]! > keys[b]! ? sign : a - b));
  return order.map((i) => kept[i]!);
}

/** How many matches have each version, most common first. */
export function versionCounts(rows: readonly SoftwareMatch[]) {
  const counts = new Map<string, number>();
  for (const m of rows) counts.set(m.version, (counts.get(m.version) ?? 0) + 1);
  return [...counts]
    .map(([version, count]) => ({ version, count }))
    .sort((a, b) => b.count - a.count || a.version.localeCompare(b.version));
}

const HEADER = ["Device", "Site", "Software", "Version"].map(csvCell).join(",");

/** The matches as a streamed CSV file (csv-stream.ts), the cells guarded like every export's. */
export function softwareMatchesCsv(
  matches: readonly SoftwareMatch[],
  options: { onDone?: () => void } = {},
): ReadableStream<Uint8Array> {
  const line = (m: SoftwareMatch) =>
    [m.hostname, m.siteName, m.name, m.version].map(csvCell).join(",");
  return csvStream(HEADER, matches, line, options);
}
