import type { Table } from "@tanstack/react-table";
import { useState } from "react";
import type { DeviceRow } from "@server/contract/devices";
import { columnLabel } from "@/components/data-table/column-picker";
import { Button } from "@/components/ui/button";
import { downloadText, toCsv } from "../to-csv";

const TIME_COLUMNS = new Set(["lastSeen", "lastReboot", "lastAuditDate"]);
/** Headers where the server's export (server/fleet/device-csv.ts) says it differently. */
const CSV_HEADERS: Record<string, string> = { online: "Online" };
/** Excel reads a CSV without a byte-order mark as ANSI and garbles non-ASCII hostnames. */
const BOM = "\uFEFF";

/**
 * The visible columns of `rows` as CSV: what the person sees is what they export, written like
 * the server's "Export CSV" (ISO times, yes/no) so the two files line up.
 */
export function selectedCsv(table: Table<DeviceRow>, rows: readonly DeviceRow[]): string {
  const columns = table.getVisibleLeafColumns().filter((c) => c.id !== "select");
  const header = columns.map((c) => CSV_HEADERS[c.id] ?? columnLabel(c));
  const body = rows.map((row, i) =>
    columns.map((c) => {
      const value = c.accessorFn?.(row, i);
      if (typeof value === "boolean") return value ? "yes" : "no";
      return TIME_COLUMNS.has(c.id) && typeof value === "number"
        ? new Date(value).toISOString()
        : value;
    }),
  );
  return BOM + toCsv(header, body);
}

/** Bulk actions on the chosen devices (more arrive with jobs): export and copy hostnames. */
export function SelectionBar(props: {
  table: Table<DeviceRow>;
  rows: readonly DeviceRow[];
  onClear: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const { rows } = props;
  if (rows.length === 0) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(rows.map((r) => r.hostname).join("\n"));
      setCopied(`Copied ${rows.length} hostnames.`);
    } catch {
      setCopied("The browser refused the clipboard; select and copy the hostnames by hand.");
    }
  };
  return (
    <div
      role="region"
      aria-label="Selected devices"
      className="flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
    >
      <span className="font-medium">{rows.length} selected</span>
      <Button
        size="sm"
        onClick={() => downloadText("devices-selected.csv", selectedCsv(props.table, rows))}
      >
        Export selected CSV
      </Button>
      <Button size="sm" onClick={() => void copy()}>
        Copy hostnames
      </Button>
      <Button size="sm" variant="ghost" onClick={props.onClear}>
        Clear selection
      </Button>
      <span role="status" className="text-slate-600 dark:text-slate-300">
        {copied}
      </span>
    </div>
  );
}
