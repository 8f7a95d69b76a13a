import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import type { SiteRow } from "@server/contract/sites";
import { AlertCountBadges } from "./alert-counts";
import { AttentionCell } from "./attention-parts";

type Col = ColumnDef<SiteRow>;

const count = (id: keyof SiteRow, label: string, sortable: boolean): Col => ({
  id,
  accessorFn: (r) => r[id],
  header: label,
  meta: { label },
  size: 100,
  enableSorting: sortable,
  cell: (ctx) => <span className="tabular-nums">{ctx.getValue<number>().toLocaleString()}</span>,
});

/** Sortable ids are the server's SITE_SORT_KEYS; the rest are shown only. */
export const SITE_COLUMNS: Col[] = [
  {
    id: "name",
    accessorFn: (r) => r.name,
    header: "Site",
    meta: { label: "Site" },
    size: 240,
    cell: (ctx) => (
      <Link
        to={`/sites/${encodeURIComponent(ctx.row.original.uid)}`}
        tabIndex={-1}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {ctx.row.original.name}
      </Link>
    ),
  },
  count("devices", "Devices", true),
  count("online", "Online", true),
  count("offline", "Offline", true),
  {
    id: "openAlerts",
    accessorFn: (r) => r.openAlerts.total,
    header: "Open alerts",
    meta: { label: "Open alerts" },
    // Wide enough for all five priorities at two-digit counts without cutting "Info".
    size: 290,
    sortDescFirst: true,
    cell: (ctx) => <AlertCountBadges counts={ctx.row.original.openAlerts} />,
  },
  {
    id: "attention",
    accessorFn: (r) => r.attention.score,
    header: "Attention (why)",
    meta: { label: "Attention" },
    size: 460,
    sortDescFirst: true,
    cell: (ctx) => <AttentionCell attention={ctx.row.original.attention} />,
  },
  count("rebootRequired", "Reboot needed", false),
  count("patchProblems", "Patch issues", false),
  count("antivirusProblems", "AV issues", false),
];
