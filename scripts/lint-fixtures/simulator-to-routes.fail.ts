// lint-as: server/datto/simulator/routes.ts
// expect: zones/imports
import { createDeviceRoutes } from "../../routes/device-routes";

export const routes = createDeviceRoutes;
