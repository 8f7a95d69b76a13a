// lint-as: server/datto/simulator/tenant.ts
// expect: zones/imports
import type { Store } from "../../store/port/store";

export type S = Store;
