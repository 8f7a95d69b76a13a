import type { Row, Table } from "@tanstack/react-table";
import {
  useCallback,
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { cn } from "@/lib/cn";
import { VirtualTableBody, type VisibleRange } from "./virtual-table-body";
import { VirtualTableHeader } from "./virtual-table-header";

export type VirtualTableProps<T> = {
  table: Table<T>;
  /** Accessible name of the grid (the scroll container, which is focusable). */
  label: string;
  /** Rows on the server: the scrollbar spans all of them, loaded or not. */
  rowCount: number;
  getRow: (index: number) => Row<T> | undefined;
  onVisibleRangeChange: (range: VisibleRange) => void;
  /** Enter on the active row. */
  onOpenRow?: (row: Row<T>) => void;
  /** x on the active row; shift extends a range. */
  onToggleRow?: (index: number, row: Row<T>) => void;
  /** Any other key on the active row (e.g. c to claim); true when it handled the key. */
  onRowKey?: (key: string, row: Row<T>) => boolean;
  resetKey: string;
  /** Re-render every row when this changes (e.g. the clock that ages relative times). */
  renderKey?: string;
  isBusy?: boolean;
  empty?: ReactNode;
  rowHeight?: number;
  className?: string;
  /** The focusable scroll container, for callers that move focus into the grid. */
  gridRef?: RefObject<HTMLDivElement | null>;
};

const MOVES: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };

/**
 * A virtualized grid over `rowCount` rows, only some of which are loaded. Keyboard: j/k or arrows
 * move the active row (scrolled into view), Enter opens it, x toggles its selection.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { table, rowCount, getRow, onOpenRow, onToggleRow, rowHeight = 36 } = props;
  const { gridRef } = props;
  // State, not a ref: the body's virtualizer attaches in a layout effect that runs before this
  // element's ref is set. With rows already cached (a second visit, Back) nothing else would
  // re-render the body, and it would stay detached: header and count, no rows.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const scrollRef = useCallback(
    (element: HTMLDivElement | null) => {
      setScrollElement(element);
      if (gridRef) gridRef.current = element;
    },
    [gridRef],
  );
  const idBase = useId();
  const [activeIndex, setActiveIndex] = useState(-1);
  const [lastResetKey, setLastResetKey] = useState(props.resetKey);
  if (lastResetKey !== props.resetKey) {
    setLastResetKey(props.resetKey);
    setActiveIndex(-1);
  }
  const rowDomId = useCallback((index: number) => `${idBase}-row-${index}`, [idBase]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = MOVES[event.key];
    if (move !== undefined && rowCount > 0) {
      event.preventDefault();
      setActiveIndex((i) => Math.min(rowCount - 1, Math.max(0, i + move)));
      return;
    }
    const row = activeIndex >= 0 ? getRow(activeIndex) : undefined;
    if (!row) return;
    if (event.key === "Enter" && event.target === event.currentTarget && onOpenRow) {
      event.preventDefault();
      onOpenRow(row);
    } else if (event.key.toLowerCase() === "x" && onToggleRow) {
      event.preventDefault();
      onToggleRow(activeIndex, row);
    } else if (props.onRowKey?.(event.key, row)) {
      event.preventDefault();
    }
  };

  const activeRendered = activeIndex >= 0 && getRow(activeIndex) !== undefined;
  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount + 1}
      aria-colcount={table.getVisibleLeafColumns().length}
      aria-multiselectable={onToggleRow ? true : undefined}
      aria-busy={props.isBusy || undefined}
      aria-activedescendant={activeRendered ? rowDomId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className={cn(
        "relative overflow-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-950",
        props.className,
      )}
    >
      <VirtualTableHeader table={table} />
      {rowCount === 0 && !props.isBusy ? (
        <div className="p-6 text-sm text-slate-600 dark:text-slate-300">{props.empty}</div>
      ) : (
        <VirtualTableBody
          table={table}
          scrollElement={scrollElement}
          rowCount={rowCount}
          rowHeight={rowHeight}
          getRow={getRow}
          rowDomId={rowDomId}
          activeIndex={activeIndex}
          onActivate={setActiveIndex}
          onVisibleRangeChange={props.onVisibleRangeChange}
          resetKey={props.resetKey}
          renderKey={props.renderKey ?? ""}
        />
      )}
    </div>
  );
}
