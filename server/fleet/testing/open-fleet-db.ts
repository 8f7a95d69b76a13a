import type { Database } from "better-sqlite3";
import { fleetMigration } from "../../store/migrations/002-fleet";
import { ALL_MIGRATIONS } from "../../store/migrations/all-migrations";
import { runMigrations } from "../../store/sqlite/migrate";
import { openDatabase } from "../../store/sqlite/open-database";

/**
 * A second connection to a test store's database with the fleet tables applied. Until the lead
 * registers fleetMigration in ALL_MIGRATIONS, it is appended here; afterwards this is a no-op.
 */
export function openFleetDb(dataDir: string, now: number): Database {
  const db = openDatabase(dataDir);
  const registered = ALL_MIGRATIONS.some((m) => m.version === fleetMigration.version);
  runMigrations(db, registered ? ALL_MIGRATIONS : [...ALL_MIGRATIONS, fleetMigration], now);
  return db;
}
