import { csvCell } from "../contract/csv";
import { DEVICE_COLUMN_KEYS, UDF_KEY_PATTERN, type DeviceRow } from "../contract/devices";
import type { UdfLabels } from "../contract/views";
import { csvStream } from "./csv-stream";

const DEFAULT_CSV_COLUMNS = [
  "hostname",
  "siteName",
  "deviceClass",
  "operatingSystem",
  "online",
  "lastSeen",
  "lastLoggedInUser",
  "intIpAddress",
  "extIpAddress",
  "patchStatus",
  "antivirusStatus",
] as const;

const HEADERS: Record<string, string> = {
  hostname: "Hostname",
  siteName: "Site",
  deviceClass: "Class",
  deviceType: "Type",
  operatingSystem: "Operating system",
  online: "Online",
  lastSeen: "Last seen",
  lastReboot: "Last reboot",
  lastAuditDate: "Last audit",
  lastLoggedInUser: "Last user",
  intIpAddress: "Internal IP",
  extIpAddress: "External IP",
  description: "Description",
  domain: "Domain",
  rebootRequired: "Reboot required",
  suspended: "Suspended",
  patchStatus: "Patch status",
  antivirusStatus: "Antivirus status",
  antivirusProduct: "Antivirus product",
  warrantyDate: "Warranty",
  openAlerts: "Open alerts",
};

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

function cellValue(d: DeviceRow, key: string): string {
  switch (key) {
    case "deviceType":
      return d.deviceType.type ?? d.deviceType.category ?? "";
    case "lastSeen":
    case "lastReboot":
    case "lastAuditDate":
      return iso(d[key]);
    case "online":
    case "rebootRequired":
    case "suspended":
      return d[key] ? "yes" : "no";
    case "openAlerts":
      return String(d.openAlerts.total);
  }
  if (UDF_KEY_PATTERN.test(key)) return d.udf[key] ?? "";
  const value = d[key as keyof DeviceRow];
  return typeof value === "string" ? value : "";
}

/** Keeps known column keys only, in the order given; falls back to the default set. */
export function csvColumns(requested: string | undefined): string[] {
  const keys = (requested ?? "").split(",").map((k) => k.trim());
  const known = keys.filter(
    (k) => (DEVICE_COLUMN_KEYS as readonly string[]).includes(k) || UDF_KEY_PATTERN.test(k),
  );
  return known.length > 0 ? [...new Set(known)] : [...DEFAULT_CSV_COLUMNS];
}

const headerLine = (columns: string[], labels: UdfLabels) =>
  columns
    .map((k) =>
      csvCell(HEADERS[k] ?? (labels[k] ? `${labels[k]} (${k})` : k.replace("udf", "UDF "))),
    )
    .join(",");

const rowLine = (d: DeviceRow, columns: string[]) =>
  columns.map((k) => csvCell(cellValue(d, k))).join(",");

/** RFC 4180 lines (CRLF) with a BOM so spreadsheet programs read UTF-8 hostnames correctly. */
export function devicesToCsv(
  rows: readonly DeviceRow[],
  columns: string[],
  labels: UdfLabels,
): string {
  const lines = [headerLine(columns, labels), ...rows.map((d) => rowLine(d, columns))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The same CSV as devicesToCsv, a chunk at a time as the client reads it (csv-stream.ts). */
export function devicesToCsvStream(
  rows: readonly DeviceRow[],
  columns: string[],
  labels: UdfLabels,
  options: { chunkRows?: number; onDone?: () => void } = {},
): ReadableStream<Uint8Array> {
  return csvStream(headerLine(columns, labels), rows, (d) => rowLine(d, columns), options);
}
