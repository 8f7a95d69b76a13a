import type { DeviceSelectionControl } from "./use-device-selection";

/** What the cells need beyond their row: set as the table's `meta`. */
export type DeviceTableMeta = {
  now: number;
  indexOf: (uid: string) => number;
  /** Absent for a table without a checkbox column. */
  selection: DeviceSelectionControl | undefined;
};

export function deviceTableMeta(meta: unknown): DeviceTableMeta {
  return meta as DeviceTableMeta;
}
