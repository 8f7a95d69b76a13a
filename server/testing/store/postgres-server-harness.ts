import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach } from "vitest";
import { createManualClock } from "../../lib/clock";
import type { Store } from "../../store/port/store";
import { openPostgresStore } from "../../store/postgres/open-postgres-store";
import type { RawSql, StoreHarness } from "./store-harness";

/** A schema of its own for one test run on a shared PostgreSQL server, dropped afterwards. */
export async function createTestSchema(connectionString: string, prefix = "rmmd_test") {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return {
    schema,
    async drop() {
      const c = new pg.Client({ connectionString });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Stores on the PostgreSQL server at `connectionString` (DATABASE_URL), a fresh schema per test.
 * Several pools on one schema race for real: row locks, unique indexes, advisory locks.
 */
export function usePostgresServerHarness(connectionString: string) {
  let cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    const pending = cleanups;
    cleanups = [];
    for (const cleanup of pending) await cleanup();
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  return async function openHarness(): Promise<StoreHarness & { schema: string; raw: RawSql }> {
    const { schema, drop } = await createTestSchema(connectionString);
    const clock = createManualClock();
    const stores: Store[] = [];
    cleanups.push(async () => {
      for (const store of stores) await store.close();
      await drop();
    });
    const openAnother = async () => {
      const store = await openPostgresStore({ connectionString, clock, schema, poolSize: 4 });
      stores.push(store);
      return store;
    };
    const raw: RawSql = async (statement) => {
      const client = new pg.Client({
        connectionString,
        options: `-c search_path=${schema}`,
      });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    return { store: await openAnother(), clock, openAnother, schema, raw };
  };
}
