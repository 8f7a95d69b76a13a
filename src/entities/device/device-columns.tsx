import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import type { DeviceRow } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { OpenAlertsBadge } from "@/entities/alert/alert-counts";
import { endpointText } from "@/lib/endpoint-text";
import { DeviceAge, type AgeKind } from "./device-age";
import { AntivirusStatusBadge, OnlineBadge, PatchStatusBadge } from "./device-badges";
import { deviceClassLabel, shortOsName } from "./device-labels";
import { SelectCell, SelectHeader } from "./select-cells";
import { deviceTableMeta } from "./device-table-meta";

type Col = ColumnDef<DeviceRow>;

const blank = <span className="text-slate-500">—</span>;

/** Endpoint text, one line; cut text shows whole on hover (virtual-table-row.tsx). */
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
  cell: (ctx) => endpointText(ctx.getValue<string | null>()) ?? blank,
});

const age = (id: AgeKind, label: string): Col => ({
  id,
  accessorFn: (r) => r[id],
  header: label,
  meta: { label },
  size: 120,
  cell: (ctx) => (
    <DeviceAge
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

const SELECT_COLUMN: Col = {
  id: "select",
  header: (ctx) => <SelectHeader table={ctx.table} />,
  cell: (ctx) => <SelectCell row={ctx.row} table={ctx.table} />,
  size: 44,
  enableSorting: false,
  enableHiding: false,
  meta: { label: "Select" },
};

/** In the default order: what a row is, then what drives action, then the rest. */
export const BASE_DEVICE_COLUMNS: Col[] = [
  {
    id: "hostname",
    accessorFn: (r) => r.hostname,
    header: "Hostname",
    meta: { label: "Hostname" },
    size: 190,
    enableHiding: false,
    cell: (ctx) => (
      <Link
        to={`/devices/${encodeURIComponent(ctx.row.original.uid)}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        tabIndex={-1}
      >
        {endpointText(ctx.row.original.hostname)}
      </Link>
    ),
  },
  {
    id: "online",
    accessorFn: (r) => r.online,
    header: "Status",
    meta: { label: "Status" },
    size: 90,
    cell: (ctx) => <OnlineBadge online={ctx.row.original.online} />,
  },
  {
    id: "openAlerts",
    accessorFn: (r) => r.openAlerts.total,
    header: "Alerts",
    meta: { label: "Open alerts" },
    size: 80,
    sortDescFirst: true,
    cell: (ctx) => <OpenAlertsBadge counts={ctx.row.original.openAlerts} />,
  },
  {
    id: "patchStatus",
    accessorFn: (r) => r.patchStatus,
    header: "Patches",
    meta: { label: "Patch status" },
    size: 165,
    cell: (ctx) => <PatchStatusBadge value={ctx.row.original.patchStatus} />,
  },
  {
    id: "antivirusStatus",
    accessorFn: (r) => r.antivirusStatus,
    header: "Antivirus",
    meta: { label: "Antivirus status" },
    size: 120,
    cell: (ctx) => <AntivirusStatusBadge value={ctx.row.original.antivirusStatus} />,
  },
  {
    id: "siteName",
    accessorFn: (r) => r.siteName,
    header: "Site",
    meta: { label: "Site" },
    size: 170,
    cell: (ctx) => (
      <Link
        to={`/sites/${encodeURIComponent(ctx.row.original.siteUid)}`}
        className="hover:underline"
        tabIndex={-1}
      >
        {endpointText(ctx.row.original.siteName)}
      </Link>
    ),
  },
  {
    id: "operatingSystem",
    accessorFn: (r) => r.operatingSystem,
    header: "Operating system",
    meta: { label: "Operating system" },
    size: 170,
    cell: (ctx) => {
      const os = endpointText(ctx.row.original.operatingSystem);
      return os === null ? blank : <span title={os}>{shortOsName(os)}</span>;
    },
  },
  age("lastSeen", "Last seen"),
  text("lastLoggedInUser", "Last user", (r) => r.lastLoggedInUser, 150),
  text("intIpAddress", "Internal IP", (r) => r.intIpAddress, 120),
  age("lastAuditDate", "Last audit"),
  age("lastReboot", "Last reboot"),
  text("deviceClass", "Class", (r) => deviceClassLabel(r.deviceClass), 110),
  text("deviceType", "Type", (r) => r.deviceType.type ?? r.deviceType.category, 130),
  text("extIpAddress", "External IP", (r) => r.extIpAddress, 120),
  text("antivirusProduct", "AV product", (r) => r.antivirusProduct, 170),
  text("description", "Description", (r) => r.description, 220),
  text("domain", "Domain", (r) => r.domain, 150),
  yesNo("rebootRequired", "Reboot needed"),
  yesNo("suspended", "Suspended"),
  text("warrantyDate", "Warranty", (r) => r.warrantyDate, 110),
];

/** The checkbox, then every column up to the last reboot. */
export const DEFAULT_VISIBLE_COLUMNS = [
  "select",
  ...BASE_DEVICE_COLUMNS.slice(
    0,
    BASE_DEVICE_COLUMNS.findIndex((c) => c.id === "lastReboot") + 1,
  ).map((c) => c.id!),
];

function udfLabel(key: string, labels: UdfLabels): string {
  const label = labels[key];
  const number = key.replace(/^udf/, "UDF ");
  return label ? `${label} (${number})` : number;
}

function udfColumn(key: string, labels: UdfLabels): Col {
  return text(key, udfLabel(key, labels), (r) => r.udf[key] ?? null, 160);
}

/** The base columns plus one per UDF offered, with a checkbox column when rows can be selected. */
export function createDeviceColumns(
  udfKeys: readonly string[],
  labels: UdfLabels,
  options: { selectable: boolean },
): Col[] {
  return [
    ...(options.selectable ? [SELECT_COLUMN] : []),
    ...BASE_DEVICE_COLUMNS,
    ...udfKeys.map((key) => udfColumn(key, labels)),
  ];
}
