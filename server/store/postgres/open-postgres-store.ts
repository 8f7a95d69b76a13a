import { Kysely } from "kysely";
import pg from "pg";
import type { Clock } from "../../lib/clock";
import { createKyselyStore } from "../kysely/create-kysely-store";
import type { Database } from "../kysely/database";
import { migrate } from "../kysely/migrate";
import { createTransactionScope, type TransactionScope } from "../kysely/transaction-scope";
import { ALL_MIGRATIONS } from "../migrations/all-migrations";
import type { Store } from "../port/store";
import { createPostgresDialect, postgresTraits } from "./postgres-dialect";

const INT8_OID = 20;

/**
 * pg returns BIGINT as a string (it may exceed 2^53); ours are epoch ms and ids, far below that.
 * Set on this pool only, not pg's global parsers.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type OpenPostgresStoreOptions = {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  connectionString: string;
  clock: Clock;
  /** The schema to use (default: the server's search_path, normally `public`). Tests: a fresh one. */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
};

/** Opens a pool, applies pending migrations and returns the store over the PostgreSQL dialect. */
export async function openPostgresStore(options: OpenPostgresStoreOptions): Promise<Store> {
  const { connectionString, clock, schema, poolSize = 10 } = options;
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  // An idle connection that the server drops must not crash the process (pg emits it on the pool).
  pool.on("error", () => {});
  const scope = createTransactionScope();
  const db = new Kysely<Database>({ dialect: createPostgresDialect(pool, scope) });
  return finishOpening(db, clock, scope);
}

/** Migrates a PostgreSQL-dialect Kysely (pg's pool or PGlite) and builds the store on it. */
export async function finishOpening(
  db: Kysely<Database>,
  clock: Clock,
  scope: TransactionScope,
): Promise<Store> {
  try {
    await migrate(db, postgresTraits, ALL_MIGRATIONS, clock.now());
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // No change signal like SQLite's data_version: another instance's commit cannot be seen without
  // a round trip, so the read cache is off (every read moves the version; decision 0027).
  let version = 0;
  return createKyselyStore({
    db,
    traits: postgresTraits,
    clock,
    changeVersion: () => (version += 1),
    scope,
  });
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain schema name: ${name}`);
  return name;
};
