import type { Kysely } from "kysely";
import type { SqlDialect } from "../migrations/migration";
import type { Database } from "./database";

/**
 * What the dialect-neutral repos must know about the database under them: the one place where
 * SQLite and PostgreSQL differ in more than SQL text (which Kysely writes for each).
 */
export interface DialectTraits {
  readonly name: SqlDialect;
  /**
   * Whether a check must lock the rows it reads (SELECT ... FOR UPDATE) so that no other
   * transaction changes them before this one writes: needed under PostgreSQL's READ COMMITTED.
   * SQLite has no such clause and needs none: its write transactions (BEGIN IMMEDIATE) run one
   * at a time, across connections and processes.
   */
  readonly rowLocks: boolean;
  isUniqueViolation(error: unknown): boolean;
  /** Keeps two processes from applying one migration twice; runs in the migration's transaction. */
  lockMigrations(trx: Kysely<Database>): Promise<void>;
}
