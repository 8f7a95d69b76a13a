// lint-as: src/features/devices/api/queries.ts
// expect: zones/imports
import { siteQueries } from "@/features/sites/api/queries";

export const queries = siteQueries;
