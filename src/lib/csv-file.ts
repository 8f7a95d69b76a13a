import { csvCell } from "@server/contract/csv";

/** Excel reads a CSV without a byte-order mark as ANSI and garbles non-ASCII names. */
const BOM = "\uFEFF";

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Hands a CSV of `rows` to the browser as a file download, written like the server's exports. */
export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): void {
  const url = URL.createObjectURL(new Blob([BOM + toCsv(header, rows)], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
