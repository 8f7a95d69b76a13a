// lint-as: server/routes/view-routes.ts
// expect: zones/imports
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";

export const store = openSqliteStore;
