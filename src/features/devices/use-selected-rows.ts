import type { RowSelectionState } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import type { DeviceRow } from "@server/contract/devices";
import type { DeviceWindows } from "@/components/data-table/devices/use-device-windows";

/**
 * The selected devices as rows. A row can only be selected while loaded, so it is remembered then:
 * the selection survives scrolling its rows out of the loaded windows.
 */
export function useSelectedRows(selection: RowSelectionState, windows: DeviceWindows): DeviceRow[] {
  const [known, setKnown] = useState<ReadonlyMap<string, DeviceRow>>(new Map());
  const { indexOf, rowAt } = windows;
  useEffect(() => {
    setKnown((current) => {
      const next = new Map<string, DeviceRow>();
      let changed = false;
      for (const uid of Object.keys(selection)) {
        const row = current.get(uid) ?? rowAt(indexOf(uid));
        if (row) next.set(uid, row);
        if (row !== current.get(uid)) changed = true;
      }
      return changed || next.size !== current.size ? next : current;
    });
  }, [selection, indexOf, rowAt]);
  return [...known.values()];
}
