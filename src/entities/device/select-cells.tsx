import type { Row, Table } from "@tanstack/react-table";
import { useEffect, useRef } from "react";
import type { DeviceRow } from "@server/contract/devices";
import { endpointText } from "@/lib/endpoint-text";
import { deviceTableMeta } from "./device-table-meta";

export function SelectCell(props: { row: Row<DeviceRow>; table: Table<DeviceRow> }) {
  const { row, table } = props;
  const meta = deviceTableMeta(table.options.meta);
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      aria-label={`Select ${endpointText(row.original.hostname)}`}
      checked={row.getIsSelected()}
      onChange={() => {}}
      onClick={(event) => {
        event.stopPropagation();
        meta.selection?.toggle(meta.indexOf(row.id), row.id, event.shiftKey);
      }}
    />
  );
}

/** "Select all N matching": every device of the view, loaded or not; again to clear. */
export function SelectHeader(props: { table: Table<DeviceRow> }) {
  const selection = deviceTableMeta(props.table.options.meta).selection;
  const ref = useRef<HTMLInputElement>(null);
  const isSome = selection?.isSomeOfView ?? false;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isSome;
  }, [isSome]);
  if (!selection) return null;
  const total = selection.viewTotal;
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={
        selection.isAllOfView
          ? "Clear the selection"
          : `Select all ${total === undefined ? "" : `${total.toLocaleString()} `}matching devices`
      }
      title={selection.isAllOfView ? "Clear the selection" : "Select all matching devices"}
      checked={selection.isAllOfView}
      onChange={selection.isAllOfView ? selection.clear : selection.selectAll}
    />
  );
}
