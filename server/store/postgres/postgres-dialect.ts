import {
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Dialect,
  type Driver,
} from "kysely";
import type { Pool } from "pg";
import type { DialectTraits } from "../kysely/dialect-traits";
import type { TransactionScope } from "../kysely/transaction-scope";

/** Any number: it only has to be the same for every RMM Deck on one database. */
const MIGRATION_LOCK_KEY = 7_402_113;

/**
 * Kysely's own driver, with one check before a connection is handed out: a call on the store
 * from inside its own transaction(fn) would wait for a pooled connection while holding one, and
 * with a small pool wait forever (see transaction-scope.ts).
 */
export function guardDriver(inner: Driver, scope: TransactionScope): Driver {
  return {
    init: () => inner.init(),
    acquireConnection: async () => {
      scope.assertOutside();
      return inner.acquireConnection();
    },
    beginTransaction: (c, s) => inner.beginTransaction(c, s),
    commitTransaction: (c) => inner.commitTransaction(c),
    rollbackTransaction: (c) => inner.rollbackTransaction(c),
    releaseConnection: (c) => inner.releaseConnection(c),
    destroy: () => inner.destroy(),
  };
}

/** The PostgreSQL dialect over a `pg` pool (its BIGINT parser set, see open-postgres-store.ts). */
export const createPostgresDialect = (pool: Pool, scope: TransactionScope): Dialect =>
  postgresDialectOver(guardDriver(new PostgresDriver({ pool }), scope));

/** Kysely's PostgreSQL SQL and introspection over any driver (pg's pool, or PGlite in tests). */
export const postgresDialectOver = (driver: Driver): Dialect => ({
  createDriver: () => driver,
  createAdapter: () => new PostgresAdapter(),
  createQueryCompiler: () => new PostgresQueryCompiler(),
  createIntrospector: (db) => new PostgresIntrospector(db),
});

const sqlState = (error: unknown) =>
  error !== null && typeof error === "object" && "code" in error ? error.code : undefined;

export const postgresTraits: DialectTraits = {
  name: "postgres",
  // READ COMMITTED: a check locks the rows it reads (SELECT ... FOR UPDATE) before it writes.
  rowLocks: true,
  isUniqueViolation: (error) => sqlState(error) === "23505",
  // Held until the migration's transaction ends; every process on the database takes the same key.
  lockMigrations: async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
  },
};
