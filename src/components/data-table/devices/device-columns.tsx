import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import type { DeviceRow } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { RelativeTime, type AgeKind } from "../relative-time";
import {
  AntivirusStatusBadge,
  deviceClassLabel,
  OnlineBadge,
  OpenAlertsBadge,
  PatchStatusBadge,
} from "./device-status-badges";
import { deviceTableMeta } from "./device-table-meta";
import { SelectCell, SelectHeader } from "./select-cell";

type Col = ColumnDef<DeviceRow>;

const text = (
  id: string,
  label: string,
  get: (r: DeviceRow) => string | null,
  size = 150,
): Col => ({
  id,
  accessorFn: get,
  header: label,
  meta: { label },
  size,
  cell: (ctx) => ctx.getValue<string | null>() ?? <span className="text-slate-500">—</span>,
});

const time = (id: AgeKind, label: string): Col => ({
  id,
  accessorFn: (r) => r[id],
  header: label,
  meta: { label },
  size: 120,
  cell: (ctx) => (
    <RelativeTime
      value={ctx.getValue<number | null>()}
      now={deviceTableMeta(ctx.table.options.meta).now}
      kind={id}
    />
  ),
});

const yesNo = (id: "rebootRequired" | "suspended", label: string): Col => ({
  id,
  accessorFn: (r) => r[id],
  header: label,
  meta: { label },
  size: 110,
  cell: (ctx) => (ctx.getValue<boolean>() ? "Yes" : "No"),
});

export const BASE_DEVICE_COLUMNS: Col[] = [
  {
    id: "select",
    header: (ctx) => <SelectHeader table={ctx.table} />,
    cell: (ctx) => <SelectCell row={ctx.row} table={ctx.table} />,
    size: 44,
    enableSorting: false,
    enableHiding: false,
    meta: { label: "Select" },
  },
  {
    id: "hostname",
    accessorFn: (r) => r.hostname,
    header: "Hostname",
    meta: { label: "Hostname" },
    size: 200,
    enableHiding: false,
    cell: (ctx) => (
      <Link
        to={`/devices/${encodeURIComponent(ctx.row.original.uid)}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        tabIndex={-1}
      >
        {ctx.row.original.hostname}
      </Link>
    ),
  },
  {
    id: "online",
    accessorFn: (r) => r.online,
    header: "Status",
    meta: { label: "Status" },
    size: 100,
    cell: (ctx) => <OnlineBadge online={ctx.row.original.online} />,
  },
  {
    id: "siteName",
    accessorFn: (r) => r.siteName,
    header: "Site",
    meta: { label: "Site" },
    size: 180,
    cell: (ctx) => (
      <Link
        to={`/sites/${encodeURIComponent(ctx.row.original.siteUid)}`}
        className="hover:underline"
        tabIndex={-1}
      >
        {ctx.row.original.siteName}
      </Link>
    ),
  },
  text("deviceClass", "Class", (r) => deviceClassLabel(r.deviceClass), 110),
  text("deviceType", "Type", (r) => r.deviceType.type ?? r.deviceType.category, 130),
  text("operatingSystem", "Operating system", (r) => r.operatingSystem, 220),
  time("lastSeen", "Last seen"),
  text("lastLoggedInUser", "Last user", (r) => r.lastLoggedInUser, 160),
  text("intIpAddress", "Internal IP", (r) => r.intIpAddress, 130),
  text("extIpAddress", "External IP", (r) => r.extIpAddress, 130),
  {
    id: "patchStatus",
    accessorFn: (r) => r.patchStatus,
    header: "Patches",
    meta: { label: "Patch status" },
    size: 150,
    cell: (ctx) => <PatchStatusBadge value={ctx.row.original.patchStatus} />,
  },
  {
    id: "antivirusStatus",
    accessorFn: (r) => r.antivirusStatus,
    header: "Antivirus",
    meta: { label: "Antivirus status" },
    size: 130,
    cell: (ctx) => <AntivirusStatusBadge value={ctx.row.original.antivirusStatus} />,
  },
  {
    id: "openAlerts",
    accessorFn: (r) => r.openAlerts.total,
    header: "Alerts",
    meta: { label: "Open alerts" },
    size: 90,
    cell: (ctx) => <OpenAlertsBadge counts={ctx.row.original.openAlerts} />,
  },
  time("lastAuditDate", "Last audit"),
  time("lastReboot", "Last reboot"),
  text("antivirusProduct", "AV product", (r) => r.antivirusProduct, 170),
  text("description", "Description", (r) => r.description, 220),
  text("domain", "Domain", (r) => r.domain, 150),
  yesNo("rebootRequired", "Reboot needed"),
  yesNo("suspended", "Suspended"),
  text("warrantyDate", "Warranty", (r) => r.warrantyDate, 110),
];

export const DEFAULT_VISIBLE_COLUMNS = [
  "select",
  "hostname",
  "online",
  "siteName",
  "operatingSystem",
  "lastSeen",
  "lastLoggedInUser",
  "intIpAddress",
  "patchStatus",
  "antivirusStatus",
  "openAlerts",
  "lastAuditDate",
  "lastReboot",
];

export function udfLabel(key: string, labels: UdfLabels): string {
  const label = labels[key];
  const number = key.replace(/^udf/, "UDF ");
  return label ? `${label} (${number})` : number;
}

function udfColumn(key: string, labels: UdfLabels): Col {
  const label = udfLabel(key, labels);
  return text(key, label, (r) => r.udf[key] ?? null, 160);
}

/** The base columns plus one per UDF that has a label or is shown. */
export function createDeviceColumns(udfKeys: readonly string[], labels: UdfLabels): Col[] {
  return [...BASE_DEVICE_COLUMNS, ...udfKeys.map((key) => udfColumn(key, labels))];
}
