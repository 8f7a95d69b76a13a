import {
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import {
  ALERT_SORT_KEYS,
  type AlertQueueQuery,
  type AlertSortKey,
  type QueueAlert,
} from "@server/contract/alerts";
import type { AlertWindows } from "@/entities/alert/use-alert-windows";
import { createAlertColumns, type AlertTableMeta } from "./alert-columns";

const sortKey = (id: string): AlertSortKey | undefined =>
  (ALERT_SORT_KEYS as readonly string[]).includes(id) ? (id as AlertSortKey) : undefined;

/**
 * The queue's table over the loaded windows: the server sorts and filters (manual), the sort lives
 * in the URL, and `getRow` places each row by its index in the whole matching list.
 */
export function useAlertTable(props: {
  query: AlertQueueQuery;
  windows: AlertWindows;
  meta: AlertTableMeta;
  /** The selection column, for someone who may act on open alerts. */
  selectable: boolean;
  /** The grid's inner width when measured: "What happened" fills what the others leave. */
  gridWidth: number | null;
  onQuery: (patch: Partial<AlertQueueQuery>) => void;
}) {
  const { query, windows, meta, onQuery } = props;
  const columns = useMemo(
    () => createAlertColumns(meta.resolvedView, props.selectable, props.gridWidth),
    [meta.resolvedView, props.selectable, props.gridWidth],
  );
  const sorting = useMemo<SortingState>(
    () => (query.sort ? [{ id: query.sort, desc: query.dir === "desc" }] : []),
    [query.sort, query.dir],
  );
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const sort = first ? sortKey(first.id) : undefined;
      onQuery({ sort, dir: sort ? (first!.desc ? "desc" : "asc") : undefined });
    },
    [sorting, onQuery],
  );
  const table = useReactTable({
    data: windows.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.alertUid,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
    meta,
  });
  const getRow = useCallback(
    (index: number): Row<QueueAlert> | undefined => {
      const row = windows.rowAt(index);
      return row ? table.getRowModel().rowsById[row.alertUid] : undefined;
    },
    [table, windows],
  );
  return { table, getRow };
}
