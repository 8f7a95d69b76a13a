import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import type { Database } from "../kysely/database";
import { migrate } from "../kysely/migrate";
import { createTransactionScope } from "../kysely/transaction-scope";
import { ALL_MIGRATIONS } from "../migrations/all-migrations";
import type { Migration } from "../migrations/migration";
import { createVersion2Database } from "../../testing/store/version-2-database";
import { DATABASE_FILE, openDatabase } from "./open-database";
import { openSqliteStore } from "./open-sqlite-store";
import { createSqliteDialect, sqliteTraits } from "./sqlite-dialect";
import { createSqliteDriver } from "./sqlite-driver";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-open-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const open = async (dataDir: string) => {
  const store = await openSqliteStore({ dataDir, clock: createManualClock() });
  cleanups.push(() => store.close());
  return store;
};
const kyselyOn = (dataDir: string) => {
  const driver = createSqliteDriver({
    db: openDatabase(dataDir),
    busyTimeoutMs: 1000,
    scope: createTransactionScope(),
  });
  const db = new Kysely<Database>({ dialect: createSqliteDialect(driver) });
  cleanups.push(() => db.destroy());
  return db;
};
const inspect = (dataDir: string) => {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const schema = db
      .prepare<[], { sql: string }>(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name",
      )
      .all()
      .map((r) => r.sql);
    const versions = db
      .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
      .all();
    return { schema, versions, journal: db.pragma("journal_mode", { simple: true }) };
  } finally {
    db.close();
  }
};
const allVersions = ALL_MIGRATIONS.map((m) => ({ version: m.version, name: m.name }));
// Versions may have gaps while branches that own the numbers between are unmerged.
const latestVersion = ALL_MIGRATIONS.at(-1)!.version;

describe("openSqliteStore", () => {
  it("creates the data folder and a WAL database on first start, with foreign keys on", async () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const store = await open(dataDir);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
    expect(inspect(dataDir)).toMatchObject({ journal: "wal", versions: allVersions });
    await expect(
      store.sessions.create({ idHash: "s", userId: "nobody", createdAt: 1, lastSeenAt: 1 }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("applies each migration once, also when two stores open a new database at once", async () => {
    const dataDir = tempDir();
    const [first] = await Promise.all([open(dataDir), open(dataDir)]);
    await first.users.create({ username: "alice", role: "admin", passwordHash: "x" });
    const again = await open(dataDir);
    expect((await again.users.list()).map((u) => u.username)).toEqual(["alice"]);
    expect(inspect(dataDir).versions).toEqual(allVersions);
  });

  it("opens a version 2 database without loss, to the very schema of a new one", async () => {
    const dataDir = tempDir();
    createVersion2Database(path.join(dataDir, DATABASE_FILE));
    const store = await open(dataDir);
    expect(await store.users.findByUsername("alice")).toEqual({
      id: "u1",
      username: "Alice",
      role: "admin",
      disabled: false,
      createdAt: 1700000000001,
      lastLoginAt: 1700000000002,
      passwordHash: "scrypt$hash",
    });
    expect(await store.sessions.find("session-hash")).toMatchObject({ userId: "u1" });
    expect(await store.loginAttempts.failuresSince("user:bob", 0)).toEqual([1700000000005]);
    expect(await store.events.list({ limit: 1 })).toEqual([
      // Written before events kept the actor's kind and id: the name only.
      expect.objectContaining({
        kind: "user.created",
        detail: { role: "admin" },
        actorKind: null,
        actorId: null,
      }),
    ]);
    expect(await store.fleetSnapshots.load()).toMatchObject({ payload: Buffer.from([1, 2, 255]) });
    expect(await store.savedViews.list("u1")).toEqual([
      expect.objectContaining({ name: "Servers", query: { q: "srv" }, columns: ["hostname"] }),
    ]);
    expect(await store.udfLabels.getAll()).toEqual({ udf3: "Contract" });
    // The events' id sequence goes on from where it was.
    const next = await store.events.append({
      actor: null,
      actorKind: null,
      actorId: null,
      kind: "k",
      target: null,
      detail: null,
    });
    expect(next.id).toBe(2);

    const fresh = tempDir();
    await open(fresh);
    expect(inspect(dataDir).schema).toEqual(inspect(fresh).schema);
    expect(inspect(dataDir).versions).toEqual(allVersions);
  });

  it("refuses a database from a newer version of RMM Deck", async () => {
    const dataDir = tempDir();
    const future: Migration = {
      version: 99,
      name: "future",
      statements: { sqlite: [], postgres: [] },
    };
    await migrate(kyselyOn(dataDir), sqliteTraits, [...ALL_MIGRATIONS, future], 1);
    await expect(openSqliteStore({ dataDir, clock: createManualClock() })).rejects.toThrow(
      `schema version 99, newer than this RMM Deck knows (${latestVersion})`,
    );
  });

  it("applies only the migrations newer than the database, and rolls back one that fails", async () => {
    const db = kyselyOn(tempDir());
    const next = latestVersion + 1;
    const extra: Migration = {
      version: next,
      name: "extra",
      statements: { sqlite: ["CREATE TABLE extra (id INTEGER PRIMARY KEY)"], postgres: [] },
    };
    const broken: Migration = {
      version: next + 1,
      name: "broken",
      statements: { sqlite: ["CREATE TABLE half (id INTEGER)", "CREATE TABLE"], postgres: [] },
    };
    expect(await migrate(db, sqliteTraits, ALL_MIGRATIONS, 1)).toEqual(
      allVersions.map((v) => v.version),
    );
    expect(await migrate(db, sqliteTraits, [...ALL_MIGRATIONS, extra], 2)).toEqual([next]);
    await expect(migrate(db, sqliteTraits, [...ALL_MIGRATIONS, extra, broken], 3)).rejects.toThrow(
      /syntax error|incomplete input/,
    );
    const tables = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE name IN ('extra', 'half')`.execute(db);
    expect(tables.rows).toEqual([{ name: "extra" }]);
    expect(await migrate(db, sqliteTraits, [...ALL_MIGRATIONS, extra], 4)).toEqual([]);
  });
});
