import { Kysely } from "kysely";
import type { Clock } from "../../lib/clock";
import { ALL_MIGRATIONS } from "../migrations/all-migrations";
import type { Store } from "../port/store";
import { createKyselyStore } from "../kysely/create-kysely-store";
import type { Database } from "../kysely/database";
import { migrate } from "../kysely/migrate";
import { createTransactionScope } from "../kysely/transaction-scope";
import { openDatabase } from "./open-database";
import { createSqliteDialect, sqliteTraits } from "./sqlite-dialect";
import { createSqliteDriver } from "./sqlite-driver";

export type OpenSqliteStoreOptions = {
  dataDir: string;
  clock: Clock;
  /** How long a statement waits for another connection's lock before it fails. */
  busyTimeoutMs?: number;
};

/**
 * Opens `<dataDir>/rmm-deck.db` (creating the folder on first start), applies pending migrations
 * and returns the store. Several stores, in one process or several, may share the file.
 */
export async function openSqliteStore(options: OpenSqliteStoreOptions): Promise<Store> {
  const { dataDir, clock, busyTimeoutMs = 5_000 } = options;
  const raw = openDatabase(dataDir);
  // The driver waits for locks itself, without blocking the event loop.
  raw.pragma("busy_timeout = 0");
  const scope = createTransactionScope();
  const driver = createSqliteDriver({ db: raw, busyTimeoutMs, scope });
  const db = new Kysely<Database>({ dialect: createSqliteDialect(driver) });
  try {
    await migrate(db, sqliteTraits, ALL_MIGRATIONS, clock.now());
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // Moves when another connection commits: what keeps the read cache exact across processes.
  const dataVersion = raw.prepare<[], number>("PRAGMA data_version").pluck();
  return createKyselyStore({
    db,
    traits: sqliteTraits,
    clock,
    changeVersion: () => dataVersion.get() ?? 0,
    scope,
  });
}
