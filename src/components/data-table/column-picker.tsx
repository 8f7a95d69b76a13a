import type { Column, Table } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Popover } from "@/components/ui/popover";
import { buttonClasses } from "@/components/ui/button";

/** The column's name for people: `meta.label`, else its id. */
function columnLabel<T>(column: Column<T, unknown>): string {
  const meta = column.columnDef.meta as { label?: string } | undefined;
  return meta?.label ?? column.id;
}

/** A checkbox that shows or hides one column. */
export function ColumnCheckbox<T>(props: { column: Column<T, unknown>; note?: string }) {
  const { column } = props;
  return (
    <label className="flex items-center gap-2">
      <input
        type="checkbox"
        checked={column.getIsVisible()}
        onChange={column.getToggleVisibilityHandler()}
      />
      <span className="truncate">{columnLabel(column)}</span>
      {props.note && (
        <span className="ml-auto shrink-0 text-xs text-slate-500 dark:text-slate-400">
          {props.note}
        </span>
      )}
    </label>
  );
}

/**
 * A popover listing the hideable columns with a checkbox each, in the columns' own order: ticking
 * a box adds the column at the table's end but never moves the box. `include` leaves some columns
 * to `children` (extra controls).
 */
export function ColumnPicker<T>(props: {
  table: Table<T>;
  include?: (columnId: string) => boolean;
  children?: ReactNode;
}) {
  const { include } = props;
  const columns = props.table
    .getAllFlatColumns()
    .filter((c) => c.getCanHide() && (include?.(c.id) ?? true));
  return (
    <Popover
      trigger="Columns"
      triggerClassName={buttonClasses("secondary", "sm")}
      panelLabel="Choose columns"
      panelClassName="w-[26rem] max-w-[calc(100vw-2rem)]"
    >
      <fieldset>
        <legend className="mb-2 font-semibold">Visible columns</legend>
        <div className="grid grid-cols-2 gap-x-3 gap-y-1">
          {columns.map((column) => (
            <ColumnCheckbox key={column.id} column={column} />
          ))}
        </div>
      </fieldset>
      {props.children}
    </Popover>
  );
}
