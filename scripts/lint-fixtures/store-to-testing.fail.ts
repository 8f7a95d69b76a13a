// lint-as: server/store/kysely/user-repo.ts
// expect: zones/imports
import type { StoreHarness } from "../../testing/store/store-harness";

export type H = StoreHarness;
