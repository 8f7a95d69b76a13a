import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import type { QueueAlert } from "@server/contract/alerts";
import { Badge } from "@/components/ui/badge";
import { PriorityBadge } from "@/entities/alert/priority-badge";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime, formatRelativeTime } from "@/lib/format";

/** What the cells need beyond their row: set as the table's `meta`. */
export type AlertTableMeta = {
  now: number;
  /** Alerts first seen after this (epoch ms) are new since the last look. */
  lastLook: number | null;
  selected: ReadonlySet<string>;
  toggle: (uid: string) => void;
  open: (uid: string) => void;
  resolvedView: boolean;
};
const metaOf = (meta: unknown) => meta as AlertTableMeta;

type Col = ColumnDef<QueueAlert>;
const blank = <span className="text-slate-500">—</span>;

export const isNew = (a: QueueAlert, lastLook: number | null) =>
  lastLook !== null && a.firstSeenAt > lastLook && !a.resolved;

/** "What happened" never gets narrower than this; wider when the grid has room to spare. */
const SUMMARY_MIN_WIDTH = 600;

/**
 * The queue's columns. `gridWidth` (the grid's inner width, when known) lets "What happened" take
 * the room the other columns leave, so a wide window shows more of each summary instead of a gap.
 */
export function createAlertColumns(
  resolvedView: boolean,
  selectable: boolean,
  gridWidth: number | null = null,
): Col[] {
  const columns: Col[] = [];
  if (selectable) {
    columns.push({
      id: "select",
      header: "",
      size: 40,
      enableSorting: false,
      meta: { label: "Select" },
      cell: (ctx) => {
        const meta = metaOf(ctx.table.options.meta);
        const uid = ctx.row.original.alertUid;
        return (
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select alert: ${endpointText(ctx.row.original.contextSummary)}`}
            checked={meta.selected.has(uid)}
            onChange={() => meta.toggle(uid)}
            onClick={(e) => e.stopPropagation()}
          />
        );
      },
    });
  }
  columns.push(
    {
      id: "priority",
      accessorFn: (a) => a.priority,
      header: "Priority",
      size: 110,
      meta: { label: "Priority" },
      cell: (ctx) => <PriorityBadge priority={ctx.row.original.priority} />,
    },
    {
      id: resolvedView ? "resolvedAt" : "age",
      accessorFn: (a) => (resolvedView ? a.resolution?.at : a.timestamp),
      header: resolvedView ? "Resolved" : "Age",
      size: 110,
      sortDescFirst: resolvedView,
      meta: { label: resolvedView ? "Resolved" : "Age" },
      cell: (ctx) => {
        const { now } = metaOf(ctx.table.options.meta);
        const a = ctx.row.original;
        const at = resolvedView ? (a.resolution?.at ?? null) : a.timestamp;
        if (at === null) return blank;
        return (
          <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
            {formatRelativeTime(at, now)}
          </time>
        );
      },
    },
    {
      id: "device",
      accessorFn: (a) => a.deviceName,
      header: "Device",
      size: 170,
      meta: { label: "Device" },
      cell: (ctx) => {
        const a = ctx.row.original;
        if (!a.deviceUid) return endpointText(a.deviceName) ?? blank;
        return (
          <Link
            to={`/devices/${encodeURIComponent(a.deviceUid)}?tab=alerts`}
            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            tabIndex={-1}
            onClick={(e) => e.stopPropagation()}
          >
            {endpointText(a.deviceName) ?? a.deviceUid}
          </Link>
        );
      },
    },
    {
      id: "site",
      accessorFn: (a) => a.siteName,
      header: "Site",
      size: 160,
      meta: { label: "Site" },
      cell: (ctx) => endpointText(ctx.row.original.siteName) ?? blank,
    },
    {
      id: "summary",
      header: "What happened",
      size: SUMMARY_MIN_WIDTH,
      enableSorting: false,
      meta: { label: "What happened" },
      cell: (ctx) => {
        const meta = metaOf(ctx.table.options.meta);
        const a = ctx.row.original;
        return (
          <span className="flex min-w-0 items-center gap-1.5">
            {isNew(a, meta.lastLook) && <Badge tone="info">New</Badge>}
            {a.resolveOutcome === "unknown" && <Badge tone="warning">Outcome unknown</Badge>}
            <button
              type="button"
              tabIndex={-1}
              className="truncate text-left hover:underline"
              onClick={(e) => {
                e.stopPropagation();
                meta.open(a.alertUid);
              }}
            >
              {endpointText(a.contextSummary)}
            </button>
          </span>
        );
      },
    },
    resolvedView
      ? {
          id: "resolvedBy",
          header: "Resolved by",
          size: 190,
          enableSorting: false,
          meta: { label: "Resolved by" },
          cell: (ctx) => {
            const r = ctx.row.original.resolution;
            if (!r) return blank;
            return r.via === "deck"
              ? `${endpointText(r.by) ?? "?"} (RMM Deck)`
              : `${endpointText(r.by) ?? "Datto"} (in Datto)`;
          },
        }
      : {
          id: "claimedBy",
          accessorFn: (a) => a.claim?.by,
          header: "Claimed by",
          size: 170,
          meta: { label: "Claimed by" },
          cell: (ctx) => {
            const c = ctx.row.original.claim;
            if (!c) return blank;
            return (
              <span title={c.note ? (endpointText(c.note) ?? undefined) : undefined}>
                {endpointText(c.by)}
                {c.note ? " ✎" : ""}
              </span>
            );
          },
        },
  );
  if (gridWidth !== null) {
    const summary = columns.find((c) => c.id === "summary")!;
    const others = columns.reduce((sum, c) => sum + (c === summary ? 0 : (c.size ?? 0)), 0);
    summary.size = Math.max(SUMMARY_MIN_WIDTH, Math.floor(gridWidth - others));
  }
  return columns;
}
