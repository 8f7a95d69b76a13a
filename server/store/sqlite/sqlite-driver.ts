import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database, Statement } from "better-sqlite3";
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from "kysely";
import type { TransactionScope } from "../kysely/transaction-scope";

const STATEMENT_CACHE_SIZE = 200;

const isBusy = (error: unknown) =>
  error instanceof Error &&
  "code" in error &&
  typeof error.code === "string" &&
  error.code.startsWith("SQLITE_BUSY");

/**
 * Kysely's driver for one better-sqlite3 connection, with what Kysely's own SqliteDriver lacks:
 * - Transactions begin IMMEDIATE: they take the write lock at BEGIN. A deferred BEGIN that later
 *   upgrades to a writer fails with SQLITE_BUSY under WAL when another connection wrote meanwhile.
 * - A statement that meets another connection's lock is retried after a pause, for up to
 *   `busyTimeoutMs`, instead of SQLite's busy_timeout sleeping inside the call: that would stop
 *   the event loop, and with two connections in one process the lock holder could never go on.
 *   (The connection's own busy_timeout must be 0.) A statement that failed BUSY changed nothing.
 * - Prepared statements are kept by SQL text (Kysely prepares every query anew).
 * - One caller at a time, in arrival order; a transaction holds the connection until it ends.
 */
export function createSqliteDriver(options: {
  db: Database;
  busyTimeoutMs: number;
  scope: TransactionScope;
}): Driver {
  const { db, busyTimeoutMs, scope } = options;
  const statements = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  async function whenFree<T>(run: () => T): Promise<T> {
    const deadline = performance.now() + busyTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      try {
        return run();
      } catch (error) {
        if (!isBusy(error) || performance.now() >= deadline) throw error;
      }
      await sleep(pause);
    }
  }

  const connection: DatabaseConnection = {
    executeQuery: <R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> =>
      whenFree(() => {
        const statement = prepare(sql);
        if (statement.reader) return { rows: statement.all(...parameters) as R[] };
        const { changes, lastInsertRowid } = statement.run(...parameters);
        return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
      }),
    async *streamQuery<R>(query: CompiledQuery) {
      yield await connection.executeQuery<R>(query);
    },
  };

  let tail = Promise.resolve();
  let unlock: (() => void) | undefined;
  const lock = async () => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    unlock = release;
  };
  const run = (sql: string) => whenFree(() => prepare(sql).run());

  return {
    async init() {},
    async acquireConnection() {
      scope.assertOutside();
      await lock();
      return connection;
    },
    async beginTransaction() {
      await run("BEGIN IMMEDIATE");
    },
    async commitTransaction() {
      await run("COMMIT");
    },
    async rollbackTransaction() {
      // SQLite may have rolled back already (e.g. on SQLITE_FULL); ROLLBACK would then fail.
      if (db.inTransaction) await run("ROLLBACK");
    },
    async releaseConnection() {
      const release = unlock;
      unlock = undefined;
      release?.();
    },
    async destroy() {
      await lock();
      statements.clear();
      db.close();
    },
  };
}
