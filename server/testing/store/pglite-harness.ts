import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { afterAll, afterEach } from "vitest";
import { createManualClock } from "../../lib/clock";
import type { Database } from "../../store/kysely/database";
import { createTransactionScope } from "../../store/kysely/transaction-scope";
import type { Store } from "../../store/port/store";
import { finishOpening } from "../../store/postgres/open-postgres-store";
import { postgresDialectOver } from "../../store/postgres/postgres-dialect";
import { createPgliteDriver } from "./pglite-driver";
import type { RawSql, StoreHarness } from "./store-harness";

/**
 * Stores on an embedded PostgreSQL (PGlite): one per test file (it takes seconds to start), a
 * fresh schema per test, dropped afterwards. Call at the top of a test file.
 */
export function usePgliteHarness() {
  let started: Promise<PGlite> | null = null;
  let cleanups: Array<() => Promise<void>> = [];
  let tests = 0;
  afterEach(async () => {
    const pending = cleanups;
    cleanups = [];
    for (const cleanup of pending) await cleanup();
  });
  afterAll(async () => {
    if (started) await (await started).close();
  });

  return async function openHarness(): Promise<StoreHarness & { schema: string; raw: RawSql }> {
    started ??= PGlite.create();
    const pg = await started;
    tests += 1;
    const schema = `contract_${tests}`;
    await pg.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
    const clock = createManualClock();
    const stores: Store[] = [];
    cleanups.push(async () => {
      for (const store of stores) await store.close();
      await pg.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`);
    });
    const openAnother = async () => {
      const scope = createTransactionScope();
      const db = new Kysely<Database>({
        dialect: postgresDialectOver(createPgliteDriver({ pg, scope })),
      });
      const store = await finishOpening(db, clock, scope);
      stores.push(store);
      return store;
    };
    const raw: RawSql = async (statement) => {
      await pg.query(statement);
    };
    return { store: await openAnother(), clock, openAnother, schema, raw };
  };
}
