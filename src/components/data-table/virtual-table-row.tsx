import { flexRender, type Column, type Row } from "@tanstack/react-table";
import { memo, type CSSProperties, type PointerEvent } from "react";
import { cn } from "@/lib/cn";

/**
 * Cells stay one line high and cut long text (hostnames, OS names, endpoint text) with an
 * ellipsis; hovering a cut cell shows all of it. Measured on hover, not per render: 100 rows of
 * layout reads would cost every scroll frame.
 */
export function titleIfCut(cell: HTMLElement, fullText = cell.textContent?.trim() ?? "") {
  const parts = [cell, ...Array.from(cell.querySelectorAll<HTMLElement>(".truncate"))];
  const cut = parts.some((el) => el.scrollWidth > el.clientWidth);
  const ownTitle = cell.querySelector("[title]") !== null;
  if (cut && !ownTitle && fullText) cell.title = fullText;
  else cell.removeAttribute("title");
}

/** Width, and for a left-pinned column its sticky place; header and cells share it. */
export function columnStyle<T>(column: Column<T, unknown>): CSSProperties {
  const base: CSSProperties = { width: column.getSize(), flex: "none" };
  if (column.getIsPinned() !== "left") return base;
  return { ...base, position: "sticky", left: column.getStart("left"), zIndex: 1 };
}

/**
 * Pinned cells cover what scrolls under them: the row's (opaque) background over its full height,
 * the content still centred.
 */
export const PINNED_CELL = "self-stretch content-center bg-inherit";

const titleCutCell = (event: PointerEvent<HTMLElement>) => titleIfCut(event.currentTarget);

type RowFrameProps = {
  id: string;
  index: number;
  start: number;
  height: number;
  width: number;
};

function frameStyle({ start, height, width }: RowFrameProps) {
  return { transform: `translateY(${start}px)`, height, width } as const;
}

export type VirtualTableRowProps<T> = RowFrameProps & {
  row: Row<T>;
  isActive: boolean;
  isSelected: boolean;
  /** Changes when anything the cells show changes besides the row (columns, the clock). */
  renderKey: string;
  onActivate: (index: number) => void;
};

function VirtualTableRowInner<T>(props: VirtualTableRowProps<T>) {
  const { row, index, isActive, isSelected, onActivate } = props;
  return (
    <div
      id={props.id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      data-row-index={index}
      onClick={() => onActivate(index)}
      className={cn(
        "absolute left-0 top-0 flex items-center border-b border-slate-100 text-sm dark:border-slate-800",
        isSelected
          ? "bg-indigo-50 dark:bg-indigo-950"
          : "bg-white hover:bg-slate-50 dark:bg-slate-950 dark:hover:bg-slate-900",
        isActive && "outline-2 -outline-offset-2 outline-indigo-600",
      )}
      style={frameStyle(props)}
    >
      {row.getVisibleCells().map((cell) => (
        <div
          key={cell.id}
          role="gridcell"
          className={cn("truncate px-2", cell.column.getIsPinned() && PINNED_CELL)}
          style={columnStyle(cell.column)}
          onPointerEnter={titleCutCell}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}

export const VirtualTableRow = memo(VirtualTableRowInner) as typeof VirtualTableRowInner;

/** A row the server has not sent yet: same size and place, grey bars instead of text. */
export function SkeletonRow(props: RowFrameProps & { cellWidths: number[] }) {
  return (
    <div
      id={props.id}
      role="row"
      aria-rowindex={props.index + 2}
      aria-busy="true"
      data-skeleton-row=""
      className="absolute left-0 top-0 flex items-center border-b border-slate-100 dark:border-slate-800"
      style={frameStyle(props)}
    >
      {props.cellWidths.map((width, i) => (
        <div key={i} role="gridcell" className="px-2" style={{ width, flex: "none" }}>
          <span className="block h-3 w-3/4 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        </div>
      ))}
    </div>
  );
}
