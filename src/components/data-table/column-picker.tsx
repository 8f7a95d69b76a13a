import type { Column, Table } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Popover } from "@/components/ui/popover";
import { buttonClasses } from "@/components/ui/button";

/** The column's name for people: `meta.label`, else its id. */
export function columnLabel<T>(column: Column<T, unknown>): string {
  const meta = column.columnDef.meta as { label?: string } | undefined;
  return meta?.label ?? column.id;
}

/** A popover listing every hideable column with a checkbox; `children` adds extra controls. */
export function ColumnPicker<T>(props: { table: Table<T>; children?: ReactNode }) {
  const columns = props.table.getAllLeafColumns().filter((c) => c.getCanHide());
  return (
    <Popover
      trigger="Columns"
      triggerClassName={buttonClasses("secondary", "sm")}
      panelLabel="Choose columns"
    >
      <fieldset>
        <legend className="mb-2 font-semibold">Visible columns</legend>
        <div className="grid max-h-72 grid-cols-2 gap-x-3 gap-y-1 overflow-y-auto">
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                onChange={column.getToggleVisibilityHandler()}
              />
              <span className="truncate">{columnLabel(column)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {props.children}
    </Popover>
  );
}
