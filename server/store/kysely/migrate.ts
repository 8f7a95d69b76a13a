import { sql, type Kysely } from "kysely";
import { SCHEMA_MIGRATIONS_TABLE, type Migration } from "../migrations/migration";
import type { Database } from "./database";
import type { DialectTraits } from "./dialect-traits";

/**
 * Applies every migration newer than the database, each in its own transaction, and records it in
 * `schema_migrations`. Two processes starting at once apply each migration once: the second finds
 * it recorded inside its own (serialised) transaction and skips it. Refuses a database written by
 * a newer version of RMM Deck: running old code on a newer schema could corrupt it.
 */
export async function migrate(
  db: Kysely<Database>,
  traits: DialectTraits,
  migrations: readonly Migration[],
  now: number,
): Promise<number[]> {
  // Serialised too: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a concurrent one.
  await db.transaction().execute(async (trx) => {
    await traits.lockMigrations(trx);
    await sql.raw(SCHEMA_MIGRATIONS_TABLE[traits.name]).execute(trx);
  });
  const current = await latestApplied(db);
  assertApplicable(migrations, current);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const ran = await db.transaction().execute(async (trx) => {
      await traits.lockMigrations(trx);
      if ((await latestApplied(trx)) >= migration.version) return false;
      for (const statement of migration.statements[traits.name]) {
        await sql.raw(statement).execute(trx);
      }
      await trx
        .insertInto("schema_migrations")
        .values({ version: migration.version, name: migration.name, applied_at: now })
        .execute();
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

async function latestApplied(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("schema_migrations")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Throws when the list is out of order or the database (at `current`) is newer than it. */
function assertApplicable(migrations: readonly Migration[], current: number) {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.name} (${m.version}) is out of order.`);
    }
  });
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this RMM Deck knows (${latest}). ` +
        "Upgrade RMM Deck or point DATA_DIR at another folder.",
    );
  }
}
