import { useQuery } from "@tanstack/react-query";
import type { OnChangeFn, VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { UDF_KEY_PATTERN } from "@server/contract/devices";
import { BASE_DEVICE_COLUMNS } from "@/components/data-table/devices/device-columns";
import { udfLabelQueries } from "@/components/data-table/devices/device-queries";

const BASE_IDS = BASE_DEVICE_COLUMNS.map((c) => c.id ?? "");
const NO_LABELS = {};

/**
 * Column visibility and order derived from the URL's column list; UDF columns exist for every
 * labelled UDF (so the picker offers them) and every UDF shown.
 */
export function useColumnState(columns: string[], setColumns: (columns: string[]) => void) {
  const labels = useQuery(udfLabelQueries.labels()).data ?? NO_LABELS;
  const udfKeys = useMemo(() => {
    const keys = new Set([
      ...Object.keys(labels),
      ...columns.filter((c) => UDF_KEY_PATTERN.test(c)),
    ]);
    return [...keys].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  }, [labels, columns]);

  const columnVisibility = useMemo<VisibilityState>(() => {
    const visible = new Set(columns);
    return Object.fromEntries([...BASE_IDS, ...udfKeys].map((id) => [id, visible.has(id)]));
  }, [columns, udfKeys]);

  const onColumnVisibilityChange = useCallback<OnChangeFn<VisibilityState>>(
    (updater) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      const kept = columns.filter((id) => next[id] !== false);
      const added = [...BASE_IDS, ...udfKeys].filter(
        (id) => next[id] === true && !kept.includes(id),
      );
      setColumns([...kept, ...added]);
    },
    [columnVisibility, columns, udfKeys, setColumns],
  );

  const addColumn = useCallback(
    (id: string) => {
      if (!columns.includes(id)) setColumns([...columns, id]);
    },
    [columns, setColumns],
  );

  return {
    labels,
    udfKeys,
    columnVisibility,
    onColumnVisibilityChange,
    columnOrder: columns,
    addColumn,
  };
}
