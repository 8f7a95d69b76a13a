import {
  getCoreRowModel,
  useReactTable,
  type ColumnPinningState,
  type OnChangeFn,
  type Row,
  type SortingState,
  type Table,
  type VisibilityState,
} from "@tanstack/react-table";
import { useCallback, useMemo, type ReactNode, type RefObject } from "react";
import { useNavigate } from "react-router";
import type { DeviceQuery, DeviceRow } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { VirtualTable } from "@/components/data-table/virtual-table";
import { ErrorState } from "@/components/ui/error-state";
import { useNow } from "@/lib/use-now";
import { createDeviceColumns } from "./device-columns";
import type { DeviceTableMeta } from "./device-table-meta";
import type { DeviceSelectionControl } from "./use-device-selection";
import type { DeviceWindows } from "./use-device-windows";

export type DeviceSort = { sort: string | undefined; dir: "asc" | "desc" | undefined };

export type DeviceTableProps = {
  label: string;
  query: DeviceQuery;
  windows: DeviceWindows;
  onSortChange: (sort: DeviceSort) => void;
  columnVisibility: VisibilityState;
  onColumnVisibilityChange?: OnChangeFn<VisibilityState>;
  columnOrder?: string[];
  /** Rows can be selected (a checkbox column); leave out for a table without actions. */
  selection?: DeviceSelectionControl;
  udfKeys: readonly string[];
  udfLabels: UdfLabels;
  /** Controls that need the table instance (the column picker). */
  toolbar?: (table: Table<DeviceRow>) => ReactNode;
  empty?: ReactNode;
  className?: string;
  gridRef?: RefObject<HTMLDivElement | null>;
};

const PINNED = {
  selectable: { left: ["select", "hostname"] },
  plain: { left: ["hostname"] },
} satisfies Record<string, ColumnPinningState>;

const NO_ROWS_SELECTED = {};

/** The virtualized device grid. Every piece of state is owned by the caller. */
export function DeviceTable(props: DeviceTableProps) {
  const { query, windows, onSortChange, selection } = props;
  const navigate = useNavigate();
  const now = useNow();
  const selectable = selection !== undefined;
  const columns = useMemo(
    () => createDeviceColumns(props.udfKeys, props.udfLabels, { selectable }),
    [props.udfKeys, props.udfLabels, selectable],
  );
  const sorting = useMemo<SortingState>(
    () => (query.sort ? [{ id: query.sort, desc: query.dir === "desc" }] : []),
    [query.sort, query.dir],
  );
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(
        first
          ? { sort: first.id, dir: first.desc ? "desc" : "asc" }
          : { sort: undefined, dir: undefined },
      );
    },
    [sorting, onSortChange],
  );

  const meta = useMemo<DeviceTableMeta>(
    () => ({ now, indexOf: windows.indexOf, selection }),
    [now, windows.indexOf, selection],
  );

  const table = useReactTable({
    data: windows.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.uid,
    // The server sorts, filters and pages 50,000 rows; the table only lays out what it sent.
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    sortDescFirst: false,
    enableMultiSort: false,
    state: {
      sorting,
      columnVisibility: props.columnVisibility,
      columnOrder: props.columnOrder ?? [],
      rowSelection: selection?.rowSelection ?? NO_ROWS_SELECTED,
      columnPinning: selectable ? PINNED.selectable : PINNED.plain,
    },
    onSortingChange,
    onColumnVisibilityChange: props.onColumnVisibilityChange,
    meta,
  });

  const getRow = useCallback(
    (index: number): Row<DeviceRow> | undefined => {
      const row = windows.rowAt(index);
      return row ? table.getRowModel().rowsById[row.uid] : undefined;
    },
    [windows, table],
  );
  const onOpenRow = useCallback(
    (row: Row<DeviceRow>) => navigate(`/devices/${encodeURIComponent(row.original.uid)}`),
    [navigate],
  );
  const toggle = selection?.toggle;
  const onToggleRow = useCallback(
    (index: number, row: Row<DeviceRow>) => toggle?.(index, row.id, false),
    [toggle],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      {props.toolbar?.(table)}
      {windows.error && !windows.latest ? (
        <ErrorState
          title="Devices could not be loaded"
          error={windows.error}
          onRetry={windows.refetch}
        />
      ) : (
        <VirtualTable
          table={table}
          label={props.label}
          rowCount={windows.total}
          getRow={getRow}
          onVisibleRangeChange={windows.onVisibleRangeChange}
          onOpenRow={onOpenRow}
          onToggleRow={selectable ? onToggleRow : undefined}
          resetKey={JSON.stringify(query)}
          renderKey={String(now)}
          isBusy={windows.isLoading}
          empty={props.empty ?? "No devices match."}
          className={props.className}
          gridRef={props.gridRef}
        />
      )}
    </div>
  );
}
