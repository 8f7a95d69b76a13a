import type { SoftwareItem } from "../contract/software";
import type { DattoSoftware } from "../datto/schemas/audit";

/** A device's software audit as our items: Datto lists some entries without a name; they go. */
export const mapSoftware = (list: readonly DattoSoftware[]): SoftwareItem[] =>
  list.map((s) => ({ name: s.name ?? "", version: s.version ?? "" })).filter((s) => s.name !== "");

/** By name, then version: the order of a device's software tab. */
export const byNameAndVersion = (a: SoftwareItem, b: SoftwareItem) =>
  a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
