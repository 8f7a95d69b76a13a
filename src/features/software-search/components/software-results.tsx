import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { Link, useNavigate } from "react-router";
import type { SoftwareMatch } from "@server/contract/software";
import { VirtualTable } from "@/components/data-table/virtual-table";
import { endpointText } from "@/lib/endpoint-text";

const plain = (id: keyof SoftwareMatch, label: string, size: number): ColumnDef<SoftwareMatch> => ({
  id,
  header: label,
  meta: { label },
  size,
  accessorFn: (m) => m[id],
  cell: (ctx) => endpointText(ctx.getValue<string>()),
});

const COLUMNS: ColumnDef<SoftwareMatch>[] = [
  {
    id: "hostname",
    header: "Device",
    meta: { label: "Device" },
    size: 220,
    accessorFn: (m) => m.hostname,
    cell: (ctx) => (
      <Link
        to={`/devices/${encodeURIComponent(ctx.row.original.deviceUid)}?tab=software`}
        tabIndex={-1}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {endpointText(ctx.row.original.hostname)}
      </Link>
    ),
  },
  plain("siteName", "Site", 200),
  plain("name", "Software", 320),
  plain("version", "Version", 160),
];

const noop = () => {};

/**
 * The listed matches (at most SOFTWARE_MATCH_LIMIT), in the order the server sorted every match
 * by: a header click asks it for another order.
 */
export function SoftwareResults(props: {
  matches: readonly SoftwareMatch[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  resetKey: string;
}) {
  const navigate = useNavigate();
  const { sorting } = props;
  const table = useReactTable({
    data: props.matches as SoftwareMatch[],
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => `${m.deviceUid}:${m.name}:${m.version}`,
    manualSorting: true,
    state: { sorting },
    onSortingChange: (next) =>
      props.onSortingChange(typeof next === "function" ? next(sorting) : next),
    enableMultiSort: false,
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
      resetKey={`${props.resetKey}|${JSON.stringify(sorting)}`}
      empty="No device has matching software (yet)."
      className="max-h-[32rem]"
    />
  );
}
