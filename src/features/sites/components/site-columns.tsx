import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import type { SiteRow } from "@server/contract/sites";
import { AlertCountBadges } from "@/entities/alert/alert-counts";
import { AttentionCell } from "./attention-parts";

type Col = ColumnDef<SiteRow>;

const count = (id: keyof SiteRow, label: string, sortable: boolean, size = 86): Col => ({
  id,
  accessorFn: (r) => r[id],
  header: label,
  meta: { label },
  size,
  enableSorting: sortable,
  cell: (ctx) => <span className="tabular-nums">{ctx.getValue<number>().toLocaleString()}</span>,
});

/**
 * Sortable ids are the server's SITE_SORT_KEYS; the rest are shown only. Why a site ranks where it
 * does comes right after its name, on up to two lines, so it fits at 1440 px.
 */
export const SITE_COLUMNS: Col[] = [
  {
    id: "name",
    accessorFn: (r) => r.name,
    header: "Site",
    meta: { label: "Site" },
    size: 196,
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
  {
    id: "attention",
    accessorFn: (r) => r.attention.score,
    header: "Attention (why)",
    meta: { label: "Attention" },
    size: 360,
    sortDescFirst: true,
    cell: (ctx) => <AttentionCell attention={ctx.row.original.attention} />,
  },
  {
    id: "openAlerts",
    accessorFn: (r) => r.openAlerts.total,
    header: "Open alerts",
    meta: { label: "Open alerts" },
    // Five priorities at two-digit counts.
    size: 264,
    sortDescFirst: true,
    cell: (ctx) => <AlertCountBadges counts={ctx.row.original.openAlerts} />,
  },
  count("devices", "Devices", true),
  count("offline", "Offline", true),
  count("online", "Online", true),
  count("rebootRequired", "Reboot needed", false, 120),
  count("patchProblems", "Patch issues", false, 108),
  count("antivirusProblems", "AV issues", false, 90),
];
