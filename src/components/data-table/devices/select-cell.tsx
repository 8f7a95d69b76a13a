import type { Row, Table } from "@tanstack/react-table";
import { useEffect, useRef } from "react";
import type { DeviceRow } from "@server/contract/devices";
import { deviceTableMeta } from "./device-table-meta";

export function SelectCell(props: { row: Row<DeviceRow>; table: Table<DeviceRow> }) {
  const { row, table } = props;
  const meta = deviceTableMeta(table.options.meta);
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      aria-label={`Select ${row.original.hostname}`}
      checked={row.getIsSelected()}
      onChange={() => {}}
      onClick={(event) => {
        event.stopPropagation();
        meta.toggle(meta.indexOf(row.id), row.id, event.shiftKey);
      }}
    />
  );
}

/** Selects or clears every loaded row (rows not fetched yet cannot be chosen). */
export function SelectHeader(props: { table: Table<DeviceRow> }) {
  const { table } = props;
  const ref = useRef<HTMLInputElement>(null);
  const all = table.getIsAllRowsSelected();
  const some = table.getIsSomeRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all loaded rows"
      checked={all}
      onChange={table.getToggleAllRowsSelectedHandler()}
    />
  );
}
