// lint-as: src/features/devices/api/queries.ts
// expect: zones/imports
import { createFleetIndex } from "../../../../server/fleet/fleet-index";

export const index = createFleetIndex;
