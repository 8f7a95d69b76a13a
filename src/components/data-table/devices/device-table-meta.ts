/** What the cells need beyond their row: set as the table's `meta`. */
export type DeviceTableMeta = {
  now: number;
  indexOf: (uid: string) => number;
  toggle: (index: number, uid: string, shiftKey: boolean) => void;
};

export function deviceTableMeta(meta: unknown): DeviceTableMeta {
  return meta as DeviceTableMeta;
}
