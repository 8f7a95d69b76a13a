// lint-as: server/datto/simulator/tenant.ts
// expect: zones/imports
import type { Store } from "../../store/store";

export type S = Store;
