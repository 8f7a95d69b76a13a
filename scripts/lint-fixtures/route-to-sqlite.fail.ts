// lint-as: server/routes/view-routes.ts
// expect: zones/imports
import { createSqliteStore } from "../store/sqlite/create-sqlite-store";

export const store = createSqliteStore;
