import { flexRender, type Header, type Table } from "@tanstack/react-table";
import { cn } from "@/lib/cn";
import { columnStyle, PINNED_CELL, titleIfCut } from "./virtual-table-row";

function ariaSort<T>(header: Header<T, unknown>) {
  const sorted = header.column.getIsSorted();
  if (sorted === "asc") return "ascending" as const;
  if (sorted === "desc") return "descending" as const;
  return header.column.getCanSort() ? ("none" as const) : undefined;
}

function SortIcon(props: { direction: false | "asc" | "desc" }) {
  if (props.direction === false)
    return (
      <span aria-hidden="true" className="text-slate-300">
        ↕
      </span>
    );
  return <span aria-hidden="true">{props.direction === "asc" ? "▲" : "▼"}</span>;
}

export function VirtualTableHeader<T>(props: { table: Table<T> }) {
  const { table } = props;
  return (
    <div
      role="rowgroup"
      className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
      style={{ width: table.getTotalSize() }}
    >
      {table.getHeaderGroups().map((group) => (
        <div
          key={group.id}
          role="row"
          aria-rowindex={1}
          className="flex h-9 items-center bg-inherit"
        >
          {group.headers.map((header) => {
            const content = header.isPlaceholder
              ? null
              : flexRender(header.column.columnDef.header, header.getContext());
            const sortHandler = header.column.getToggleSortingHandler();
            const label = (header.column.columnDef.meta as { label?: string } | undefined)?.label;
            return (
              <div
                key={header.id}
                role="columnheader"
                onPointerEnter={(event) => titleIfCut(event.currentTarget, label)}
                aria-sort={ariaSort(header)}
                className={cn("truncate px-2", header.column.getIsPinned() && PINNED_CELL)}
                style={columnStyle(header.column)}
              >
                {header.column.getCanSort() && sortHandler ? (
                  <button
                    type="button"
                    onClick={sortHandler}
                    className={cn(
                      "inline-flex max-w-full items-center gap-1 truncate uppercase hover:text-slate-900 dark:hover:text-white",
                    )}
                  >
                    <span className="truncate">{content}</span>
                    <SortIcon direction={header.column.getIsSorted()} />
                  </button>
                ) : (
                  content
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
