import { useQuery } from "@tanstack/react-query";
import type { OnChangeFn, VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { UDF_KEY_PATTERN, type UdfUsage } from "@server/contract/devices";
import { BASE_DEVICE_COLUMNS } from "@/entities/device/device-columns";
import { fleetOptionQueries } from "./api/fleet-options";

const BASE_IDS = BASE_DEVICE_COLUMNS.map((c) => c.id ?? "");
const NO_LABELS = {};
const NO_USAGE: UdfUsage = [];

const udfNumber = (key: string) => Number(key.slice(3));

/**
 * Column visibility and order derived from the URL's column list. UDF columns exist for every UDF
 * that holds data, has a name, or is shown, so the picker can offer those first.
 */
export function useColumnState(
  columns: string[],
  setColumns: (columns: string[]) => void,
  udfInUse: UdfUsage | undefined,
) {
  const labels = useQuery(fleetOptionQueries.udfLabels()).data ?? NO_LABELS;
  const usage = udfInUse ?? NO_USAGE;
  const udfKeys = useMemo(() => {
    const keys = new Set([
      ...usage.map((u) => u.key),
      ...Object.keys(labels),
      ...columns.filter((c) => UDF_KEY_PATTERN.test(c)),
    ]);
    return [...keys].sort((a, b) => udfNumber(a) - udfNumber(b));
  }, [usage, labels, columns]);
  const udfDevices = useMemo(() => new Map(usage.map((u) => [u.key, u.devices])), [usage]);

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
    /** Devices holding a value per UDF key (0 for a named or shown UDF without data). */
    udfDevices,
    columnVisibility,
    onColumnVisibilityChange,
    columnOrder: columns,
    addColumn,
  };
}
