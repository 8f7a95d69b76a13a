import { useCallback, useRef, type Dispatch, type SetStateAction } from "react";
import type { RowSelectionState } from "@tanstack/react-table";

/**
 * Toggling with shift-range: a plain toggle sets the anchor; a shift toggle applies the anchor's
 * new state to every loaded row between the anchor and here (rows not loaded yet are skipped).
 */
export function useRangeSelection(
  setSelection: Dispatch<SetStateAction<RowSelectionState>>,
  idAt: (index: number) => string | undefined,
) {
  const anchor = useRef<{ index: number; selected: boolean } | null>(null);

  return useCallback(
    (index: number, id: string, shiftKey: boolean) => {
      setSelection((current) => {
        const next = { ...current };
        const from = anchor.current;
        if (shiftKey && from) {
          const [lo, hi] = from.index < index ? [from.index, index] : [index, from.index];
          for (let i = lo; i <= hi; i += 1) {
            const rowId = idAt(i);
            if (rowId === undefined) continue;
            if (from.selected) next[rowId] = true;
            else delete next[rowId];
          }
          return next;
        }
        const selected = !current[id];
        if (selected) next[id] = true;
        else delete next[id];
        anchor.current = { index, selected };
        return next;
      });
    },
    [setSelection, idAt],
  );
}
