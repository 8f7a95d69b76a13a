import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { Link, useNavigate } from "react-router";
import type { SoftwareSearchResponse } from "@server/contract/software";
import { VirtualTable } from "@/components/data-table/virtual-table";

type Match = SoftwareSearchResponse["matches"][number];

const COLUMNS: ColumnDef<Match>[] = [
  {
    id: "hostname",
    header: "Device",
    size: 220,
    cell: (ctx) => (
      <Link
        to={`/devices/${encodeURIComponent(ctx.row.original.deviceUid)}?tab=software`}
        tabIndex={-1}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {ctx.row.original.hostname}
      </Link>
    ),
  },
  { id: "siteName", header: "Site", size: 200, accessorFn: (m) => m.siteName },
  { id: "name", header: "Software", size: 320, accessorFn: (m) => m.name },
  { id: "version", header: "Version", size: 160, accessorFn: (m) => m.version },
];

const noop = () => {};

export function SoftwareResults(props: { result: SoftwareSearchResponse }) {
  const navigate = useNavigate();
  const table = useReactTable({
    data: props.result.matches,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m, i) => `${m.deviceUid}:${i}`,
    enableSorting: false,
  });
  const rows = table.getRowModel().rows;
  return (
    <VirtualTable
      table={table}
      label="Devices with this software"
      rowCount={rows.length}
      getRow={(i) => rows[i]}
      onVisibleRangeChange={noop}
      onOpenRow={(row) =>
        navigate(`/devices/${encodeURIComponent(row.original.deviceUid)}?tab=software`)
      }
      resetKey={props.result.query}
      empty="No device has matching software (yet)."
      className="max-h-[28rem]"
    />
  );
}

export function VersionBreakdown(props: {
  versions: SoftwareSearchResponse["versions"];
  total: number;
}) {
  if (props.versions.length === 0) return null;
  return (
    <section
      aria-labelledby="versions-heading"
      className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <h2 id="versions-heading" className="mb-2 text-sm font-semibold">
        Versions
      </h2>
      <ul className="max-h-96 space-y-1 overflow-y-auto text-sm">
        {props.versions.map((v) => (
          <li key={v.version} className="flex items-center gap-2">
            <span className="w-32 truncate font-mono" title={v.version}>
              {v.version || "(none)"}
            </span>
            <span className="h-2 flex-1 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
              <span
                className="block h-2 rounded bg-indigo-500"
                style={{ width: `${props.total > 0 ? (v.count / props.total) * 100 : 0}%` }}
              />
            </span>
            <span className="w-12 text-right tabular-nums">{v.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
