import BetterSqlite3 from "better-sqlite3";
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
  type Driver,
} from "kysely";
import type { DialectTraits } from "../kysely/dialect-traits";

export const createSqliteDialect = (driver: Driver): Dialect => ({
  createDriver: () => driver,
  createAdapter: () => new SqliteAdapter(),
  createQueryCompiler: () => new SqliteQueryCompiler(),
  createIntrospector: (db) => new SqliteIntrospector(db),
});

export const sqliteTraits: DialectTraits = {
  name: "sqlite",
  // Every write transaction begins IMMEDIATE (sqlite-driver.ts): they run one at a time.
  rowLocks: false,
  isUniqueViolation: (error) =>
    error instanceof BetterSqlite3.SqliteError &&
    (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY"),
  lockMigrations: async () => {},
};
