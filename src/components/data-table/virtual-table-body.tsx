import type { Row, Table } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect } from "react";
import { SkeletonRow, VirtualTableRow } from "./virtual-table-row";
import { getVirtualizerOverrides } from "./virtualizer-options";

/** Few extra rows above and below the viewport: the DOM must stay under 100 row elements. */
const OVERSCAN = 6;

export type VisibleRange = { start: number; end: number };

export type VirtualTableBodyProps<T> = {
  table: Table<T>;
  /** The scrolling grid, once mounted. */
  scrollElement: HTMLDivElement | null;
  rowCount: number;
  rowHeight: number;
  getRow: (index: number) => Row<T> | undefined;
  rowDomId: (index: number) => string;
  activeIndex: number;
  onActivate: (index: number) => void;
  onVisibleRangeChange: (range: VisibleRange) => void;
  /** Scroll back to the top whenever this changes (a new filter or sort). */
  resetKey: string;
  renderKey: string;
};

export function VirtualTableBody<T>(props: VirtualTableBodyProps<T>) {
  const { table, scrollElement, rowCount, rowHeight, getRow, activeIndex, onVisibleRangeChange } =
    props;
  const overrides = getVirtualizerOverrides();
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // flushSync inside React's commit phase warns; scrolling stays smooth without it.
    useFlushSync: false,
    ...(overrides as object),
  });

  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? -1;
  useEffect(() => onVisibleRangeChange({ start, end }), [start, end, onVisibleRangeChange]);

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rowCount) virtualizer.scrollToIndex(activeIndex);
  }, [activeIndex, rowCount, virtualizer]);

  const { resetKey } = props;
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  const width = table.getTotalSize();
  const visibleColumns = table.getVisibleLeafColumns();
  const renderKey = `${props.renderKey}|${visibleColumns.map((c) => c.id).join(",")}`;
  const cellWidths = visibleColumns.map((c) => c.getSize());
  const selection = table.getState().rowSelection;

  return (
    <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), width }}>
      {items.map((item) => {
        const row = getRow(item.index);
        const frame = {
          id: props.rowDomId(item.index),
          index: item.index,
          start: item.start,
          height: rowHeight,
          width,
        };
        if (!row) return <SkeletonRow key={item.key} {...frame} cellWidths={cellWidths} />;
        return (
          <VirtualTableRow
            key={item.key}
            {...frame}
            row={row}
            isActive={item.index === activeIndex}
            isSelected={selection[row.id] === true}
            renderKey={renderKey}
            onActivate={props.onActivate}
          />
        );
      })}
    </div>
  );
}
