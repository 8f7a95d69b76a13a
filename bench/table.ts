export type BenchRow = { name: string; value: number; unit: string; note?: string };

/** Prints bench rows as one plain table: section, measure, value, unit, note. */
export function printTable(sections: Array<{ section: string; rows: BenchRow[] }>): void {
  const lines = sections.flatMap(({ section, rows }) =>
    rows.map((r) => [section, r.name, formatValue(r.value), r.unit, r.note ?? ""]),
  );
  const header = ["section", "measure", "value", "unit", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ");
  console.info(fmt(header));
  console.info(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const l of lines) console.info(fmt(l));
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
