import {
  getCoreRowModel,
  useReactTable,
  type ColumnPinningState,
  type OnChangeFn,
  type Row,
  type RowSelectionState,
  type SortingState,
  type Table,
  type VisibilityState,
} from "@tanstack/react-table";
import {
  useCallback,
  useMemo,
  type Dispatch,
  type ReactNode,
  type RefObject,
  type SetStateAction,
} from "react";
import { useNavigate } from "react-router";
import type { DeviceQuery, DeviceRow } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { ErrorState } from "@/components/ui/error-state";
import { useNow } from "../use-now";
import { useRangeSelection } from "../use-range-selection";
import { VirtualTable } from "../virtual-table";
import { createDeviceColumns } from "./device-columns";
import type { DeviceTableMeta } from "./device-table-meta";
import type { DeviceWindows } from "./use-device-windows";

export type DeviceSort = { sort: string | undefined; dir: "asc" | "desc" | undefined };

export type DeviceTableProps = {
  label: string;
  query: DeviceQuery;
  windows: DeviceWindows;
  onSortChange: (sort: DeviceSort) => void;
  columnVisibility: VisibilityState;
  onColumnVisibilityChange: OnChangeFn<VisibilityState>;
  columnOrder?: string[];
  rowSelection: RowSelectionState;
  onRowSelectionChange: Dispatch<SetStateAction<RowSelectionState>>;
  udfKeys: readonly string[];
  udfLabels: UdfLabels;
  /** Controls that need the table instance (the column picker). */
  toolbar?: (table: Table<DeviceRow>) => ReactNode;
  empty?: ReactNode;
  className?: string;
  gridRef?: RefObject<HTMLDivElement | null>;
};

/** Scrolling right through many columns keeps the checkbox and the hostname in view. */
const PINNED: ColumnPinningState = { left: ["select", "hostname"] };

/** The virtualized device grid. Every piece of state is owned by the caller. */
export function DeviceTable(props: DeviceTableProps) {
  const { query, windows, onSortChange, onRowSelectionChange } = props;
  const navigate = useNavigate();
  const now = useNow();
  const columns = useMemo(
    () => createDeviceColumns(props.udfKeys, props.udfLabels),
    [props.udfKeys, props.udfLabels],
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

  const idAt = useCallback((index: number) => windows.rowAt(index)?.uid, [windows]);
  const toggle = useRangeSelection(onRowSelectionChange, idAt);
  const meta = useMemo<DeviceTableMeta>(
    () => ({ now, indexOf: windows.indexOf, toggle }),
    [now, windows.indexOf, toggle],
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
      rowSelection: props.rowSelection,
      columnPinning: PINNED,
    },
    onSortingChange,
    onColumnVisibilityChange: props.onColumnVisibilityChange,
    onRowSelectionChange,
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
  const onToggleRow = useCallback(
    (index: number, row: Row<DeviceRow>) => toggle(index, row.id, false),
    [toggle],
  );
  const resetKey = JSON.stringify(query);

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
          onToggleRow={onToggleRow}
          resetKey={resetKey}
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
