import type { DattoFilter } from "../contract/views";
import type { DattoFilter as WireFilter } from "../datto/schemas/filter";

const TYPES: Record<string, DattoFilter["type"]> = {
  rmm_default: "default",
  custom: "custom",
  site: "site",
};

/** Null for a filter whose id is not a number (it could not be used as filterId). */
export function mapFilter(f: WireFilter, fallback: DattoFilter["type"]): DattoFilter | null {
  const id = typeof f.id === "number" ? f.id : Number(f.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return {
    id,
    name: f.name || `Filter ${id}`,
    description: f.description ?? null,
    type: (f.type && TYPES[f.type]) || fallback,
  };
}
