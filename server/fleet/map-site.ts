import type { DattoSite } from "../datto/schemas/site";
import type { SiteBase } from "./site-rows";

export function mapSite(s: DattoSite): SiteBase {
  return {
    uid: s.uid,
    name: s.name || s.uid,
    description: s.description ?? null,
    portalUrl: s.portalUrl ?? null,
    notes: s.notes ?? null,
    autotaskCompanyName: s.autotaskCompanyName ?? null,
  };
}
