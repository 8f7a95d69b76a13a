// lint-as: src/features/devices/components/device-sites.tsx
// expect: zones/imports
import { siteQueries } from "../../sites/api/queries";

export const queries = siteQueries;
