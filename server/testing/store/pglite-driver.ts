import type { PGlite } from "@electric-sql/pglite";
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from "kysely";
import type { TransactionScope } from "../../store/kysely/transaction-scope";

/** One caller at a time on one PGlite (it has a single session), shared by every store on it. */
const locks = new WeakMap<PGlite, { tail: Promise<void> }>();

const toBuffers = (row: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(row)) {
    // BYTEA arrives as a Uint8Array; the repos (like pg) expect Buffers.
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row;
};

/**
 * A Kysely driver for an embedded PostgreSQL (PGlite, WASM): the store contract runs on real
 * PostgreSQL SQL in every `npm test` without a server. PGlite is one session, so the stores
 * sharing it take turns: a transaction holds it until it ends (like sqlite-driver.ts). That
 * proves the SQL and the results, not row locking under concurrency: the real server does
 * (postgres-server-contract.test.ts, when DATABASE_URL is set).
 */
export function createPgliteDriver(options: { pg: PGlite; scope: TransactionScope }): Driver {
  const { pg, scope } = options;
  let shared = locks.get(pg);
  if (!shared) {
    shared = { tail: Promise.resolve() };
    locks.set(pg, shared);
  }
  const lock = shared;
  let unlock: (() => void) | undefined;

  const connection: DatabaseConnection = {
    async executeQuery<R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
      const result = await pg.query<Record<string, unknown>>(sql, parameters as unknown[]);
      const rows = result.rows.map(toBuffers) as R[];
      const command = sql.trimStart().slice(0, 6).toUpperCase();
      const writes = ["INSERT", "UPDATE", "DELETE"].includes(command);
      return writes ? { rows, numAffectedRows: BigInt(result.affectedRows ?? 0) } : { rows };
    },
    async *streamQuery<R>(query: CompiledQuery) {
      yield await connection.executeQuery<R>(query);
    },
  };
  const run = async (sql: string) => {
    await pg.query(sql);
  };

  return {
    async init() {},
    async acquireConnection() {
      scope.assertOutside();
      const previous = lock.tail;
      let release!: () => void;
      lock.tail = new Promise<void>((resolve) => (release = resolve));
      await previous;
      unlock = release;
      return connection;
    },
    beginTransaction: () => run("BEGIN"),
    commitTransaction: () => run("COMMIT"),
    rollbackTransaction: () => run("ROLLBACK"),
    async releaseConnection() {
      const release = unlock;
      unlock = undefined;
      release?.();
    },
    // The PGlite belongs to the harness, which closes it.
    async destroy() {},
  };
}
