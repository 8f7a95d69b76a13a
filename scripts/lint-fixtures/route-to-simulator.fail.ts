// lint-as: server/routes/device-routes.ts
// expect: zones/imports
import { createSimulator } from "../datto/simulator/create-simulator";

export const sim = createSimulator;
