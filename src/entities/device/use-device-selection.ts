import { useQueries, useQuery } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DeviceQuery, DeviceRow } from "@server/contract/devices";
import { deviceQueries } from "./device-queries";
import {
  isAllOfView,
  isSelected,
  NO_SELECTION,
  sameFilters,
  selectAllMatching,
  selectionQuery,
  toggleDevices,
  visibleSelectionQuery,
  type DeviceSelection,
  type DeviceTarget,
} from "./device-selection";
import type { DeviceWindows } from "./use-device-windows";

/** Loaded rows asked about per membership request: keeps each URL short (device-set.ts). */
const MEMBERSHIP_CHUNK = 100;

export type DeviceSelectionControl = {
  selection: DeviceSelection;
  /** Loaded rows that show ticked, as the table's row selection. */
  rowSelection: RowSelectionState;
  /** A click or x ticks one row; with shift, every loaded row since the last one ticked. */
  toggle: (index: number, uid: string, shiftKey: boolean) => void;
  /** The selection is every device this view shows ("select all N matching"). */
  isAllOfView: boolean;
  /** Some, not all, of what this view shows is selected. */
  isSomeOfView: boolean;
  /** Devices matching the view (what "select all" would select). */
  viewTotal: number | undefined;
  selectAll: () => void;
  clear: () => void;
  /** Selected devices in all, shown or not. */
  total: number | undefined;
  /** The selected devices this view shows: what an action may act on. */
  target: DeviceTarget | null;
  /** Why the last change was refused, or the selection dropped. */
  notice: string | null;
};

/**
 * For a "matching" selection made in another view: which loaded rows belong to it (the server
 * says; the browser never evaluates a query). Null when every row of this view belongs.
 */
function useMembership(selection: DeviceSelection, view: DeviceQuery, rows: readonly DeviceRow[]) {
  const set = selectionQuery(selection);
  const needed = selection.kind === "matching" && !sameFilters(selection.filters, view);
  const chunks = useMemo(() => {
    if (!needed) return [];
    const uids = rows.map((r) => r.uid).sort();
    const out: string[][] = [];
    for (let i = 0; i < uids.length; i += MEMBERSHIP_CHUNK) {
      out.push(uids.slice(i, i + MEMBERSHIP_CHUNK));
    }
    return out;
  }, [needed, rows]);
  const answers = useQueries({
    queries: chunks.map((uids) => deviceQueries.members(set ?? {}, uids)),
    combine: dataOf,
  });
  return useMemo(() => {
    if (!needed) return null;
    const members = new Set<string>();
    for (const answer of answers) for (const uid of answer ?? []) members.add(uid);
    return members;
  }, [needed, answers]);
}

/** Stable, so useQueries keeps its combined result until an answer changes. */
const dataOf = <T>(results: ReadonlyArray<{ data: T | undefined }>) => results.map((r) => r.data);

/** The selection of one device table, with the counts its bar shows (decision 0014). */
export function useDeviceSelection(
  view: DeviceQuery,
  windows: DeviceWindows,
): DeviceSelectionControl {
  const [selection, setSelection] = useState<DeviceSelection>(NO_SELECTION);
  const [notice, setNotice] = useState<string | null>(null);

  const visibleQuery = visibleSelectionQuery(selection, view);
  if (selection.kind === "matching" && visibleQuery === null) {
    // A selection of a Datto saved filter the view has left: it cannot be shown here.
    setSelection(NO_SELECTION);
    setNotice(
      "The selection was cleared: it was every device of a Datto saved filter, which this view does not use.",
    );
  }
  const setQuery = selectionQuery(selection);
  const total = useQuery({ ...deviceQueries.count(setQuery ?? {}), enabled: setQuery !== null });
  const shown = useQuery({
    ...deviceQueries.count(visibleQuery ?? {}),
    enabled: visibleQuery !== null,
  });
  const members = useMembership(selection, view, windows.rows);

  const isMember = useCallback((uid: string) => members?.has(uid) ?? true, [members]);
  const rowSelection = useMemo<RowSelectionState>(() => {
    const ticked: RowSelectionState = {};
    for (const row of windows.rows) {
      if (isSelected(selection, row.uid, isMember(row.uid))) ticked[row.uid] = true;
    }
    return ticked;
  }, [windows.rows, selection, isMember]);

  // Rows are memoized: a row's checkbox may hold a toggle from an earlier render, so toggle
  // reads the latest state from here rather than from its closure.
  const latest = useRef({ selection, rowSelection, isMember, rowAt: windows.rowAt });
  useEffect(() => {
    latest.current = { selection, rowSelection, isMember, rowAt: windows.rowAt };
  });
  const anchor = useRef<{ index: number; selected: boolean } | null>(null);
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    anchor.current = null;
  }, [viewKey]);

  const toggle = useCallback((index: number, uid: string, shiftKey: boolean) => {
    const now = latest.current;
    const from = anchor.current;
    let uids = [uid];
    let select = now.rowSelection[uid] !== true;
    if (shiftKey && from) {
      const [lo, hi] = from.index < index ? [from.index, index] : [index, from.index];
      uids = [];
      for (let i = lo; i <= hi; i += 1) {
        const row = now.rowAt(i);
        if (row) uids.push(row.uid);
      }
      select = from.selected;
    }
    const result = toggleDevices(now.selection, uids, select, now.isMember);
    setNotice(result.refused);
    if (result.refused) return;
    if (!shiftKey || !from) anchor.current = { index, selected: select };
    setSelection(result.selection);
  }, []);

  const allOfView = isAllOfView(selection, view);
  return {
    selection,
    rowSelection,
    toggle,
    isAllOfView: allOfView,
    isSomeOfView: !allOfView && (shown.data ?? 0) > 0,
    viewTotal: windows.latest?.total,
    selectAll: () => {
      setNotice(null);
      setSelection(selectAllMatching(view));
    },
    clear: () => {
      setNotice(null);
      setSelection(NO_SELECTION);
    },
    total: setQuery === null ? 0 : total.data,
    target:
      visibleQuery !== null && shown.data !== undefined
        ? { query: visibleQuery, count: shown.data }
        : null,
    notice,
  };
}
