export type SqlDialect = "sqlite" | "postgres";

/**
 * One schema change, the same numbered step for every database: its SQL per dialect, statement by
 * statement. `version` is unique and increasing; a migration is never edited once released: change
 * the schema with a new one. Each runs inside a transaction.
 *
 * Epoch milliseconds are INTEGER in SQLite (64-bit) and BIGINT in PostgreSQL (its INTEGER is
 * 32-bit); booleans are 0/1 integers in both, so the queries need not differ.
 */
export type Migration = {
  version: number;
  name: string;
  statements: Record<SqlDialect, readonly string[]>;
};

/** Where applied migrations are recorded; created before the first migration runs. */
export const SCHEMA_MIGRATIONS_TABLE: Record<SqlDialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`,
};
