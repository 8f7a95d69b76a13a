import type { Database } from "better-sqlite3";
import { assertApplicable } from "../kysely/migrate";
import { SCHEMA_MIGRATIONS_TABLE, type Migration } from "../migrations/migration";

/**
 * Applies every migration newer than the database, each in its own transaction, and records it in
 * `schema_migrations`. Refuses a database written by a newer version of RMM Deck: running old code
 * on a newer schema could corrupt it.
 */
export function runMigrations(
  db: Database,
  migrations: readonly Migration[],
  now: number,
): number[] {
  db.exec(SCHEMA_MIGRATIONS_TABLE.sqlite);
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as {
    version: number | null;
  };
  const current = row.version ?? 0;
  assertApplicable(migrations, current);
  const record = db.prepare(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      for (const statement of migration.statements.sqlite) db.exec(statement);
      record.run(migration.version, migration.name, now);
    })();
    applied.push(migration.version);
  }
  return applied;
}
