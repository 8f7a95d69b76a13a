import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import { ALL_MIGRATIONS } from "../migrations/all-migrations";
import type { Migration } from "../migrations/migration";
import { UsernameTakenError } from "../store";
import { createSqliteStore } from "./create-sqlite-store";
import { runMigrations } from "./migrate";
import { DATABASE_FILE, openDatabase } from "./open-database";

let dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-store-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

const versions = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  const rows = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
  db.close();
  return rows;
};

describe("createSqliteStore", () => {
  it("creates the data folder and database on first start, in WAL mode with foreign keys", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const store = createSqliteStore({ dataDir, clock: createManualClock() });
    store.close();
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
    const db = openDatabase(dataDir);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
    db.close();
  });

  it("applies migrations once: opening twice keeps data and records each version once", () => {
    const dataDir = tempDir();
    const clock = createManualClock();
    const first = createSqliteStore({ dataDir, clock });
    first.users.create({ username: "alice", role: "admin", passwordHash: "x" });
    first.close();
    const second = createSqliteStore({ dataDir, clock });
    expect(second.users.list().map((u) => u.username)).toEqual(["alice"]);
    second.close();
    expect(versions(path.join(dataDir, DATABASE_FILE))).toEqual(
      ALL_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
  });

  it("applies only the migrations newer than the database", () => {
    const db = openDatabase(tempDir());
    const extra: Migration = {
      version: ALL_MIGRATIONS.length + 1,
      name: "extra",
      statements: { sqlite: ["CREATE TABLE extra (id INTEGER PRIMARY KEY)"], postgres: [] },
    };
    expect(runMigrations(db, ALL_MIGRATIONS, 1)).toEqual(ALL_MIGRATIONS.map((m) => m.version));
    expect(runMigrations(db, [...ALL_MIGRATIONS, extra], 2)).toEqual([extra.version]);
    expect(runMigrations(db, [...ALL_MIGRATIONS, extra], 3)).toEqual([]);
    db.close();
  });

  it("refuses a database from a newer version", () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const future: Migration = {
      version: 99,
      name: "future",
      statements: { sqlite: [], postgres: [] },
    };
    runMigrations(db, [...ALL_MIGRATIONS, future], 1);
    db.close();
    expect(() => createSqliteStore({ dataDir, clock: createManualClock() })).toThrow(
      /schema version 99, newer than this RMM Deck knows/,
    );
  });

  it("rolls back a migration that fails halfway", () => {
    const db = openDatabase(tempDir());
    const broken: Migration = {
      version: 1,
      name: "broken",
      statements: { sqlite: ["CREATE TABLE half (id INTEGER)", "boom"], postgres: [] },
    };
    expect(() => runMigrations(db, [broken], 1)).toThrow(/syntax error/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all();
    expect(tables).toEqual([]);
    db.close();
  });
});

describe("sqlite repos", () => {
  const open = () => {
    const clock = createManualClock();
    const store = createSqliteStore({ dataDir: tempDir(), clock });
    return { store, clock };
  };

  it("finds users by username regardless of case and refuses duplicates", () => {
    const { store, clock } = open();
    const alice = store.users.create({ username: "alice", role: "viewer", passwordHash: "h" });
    expect(alice).toEqual({
      id: alice.id,
      username: "alice",
      role: "viewer",
      disabled: false,
      createdAt: clock.now(),
      lastLoginAt: null,
    });
    expect(store.users.findByUsername("ALICE")?.id).toBe(alice.id);
    expect(() =>
      store.users.create({ username: "Alice", role: "admin", passwordHash: "h" }),
    ).toThrow(UsernameTakenError);
    store.close();
  });

  it("counts only enabled admins", () => {
    const { store } = open();
    const a = store.users.create({ username: "a", role: "admin", passwordHash: "h" });
    store.users.create({ username: "b", role: "admin", passwordHash: "h" });
    store.users.create({ username: "c", role: "technician", passwordHash: "h" });
    expect(store.users.countActiveAdmins()).toBe(2);
    store.users.update(a.id, { disabled: true });
    expect(store.users.countActiveAdmins()).toBe(1);
    store.close();
  });

  it("deletes a user's sessions with the user (foreign key cascade)", () => {
    const { store } = open();
    const u = store.users.create({ username: "a", role: "admin", passwordHash: "h" });
    store.sessions.create({ idHash: "s1", userId: u.id, createdAt: 1, lastSeenAt: 1 });
    expect(() =>
      store.sessions.create({ idHash: "s2", userId: "nobody", createdAt: 1, lastSeenAt: 1 }),
    ).toThrow(/FOREIGN KEY/);
    expect(store.sessions.revokeAllForUser(u.id)).toBe(1);
    expect(store.sessions.find("s1")).toBeNull();
    store.close();
  });

  it("lists events newest first and pages back with before", async () => {
    const { store, clock } = open();
    for (let i = 1; i <= 5; i++) {
      store.events.append({ actor: "a", kind: `k${i}`, target: null, detail: { i } });
      await clock.advance(1000);
    }
    const page1 = store.events.list({ limit: 2 });
    expect(page1.map((e) => e.kind)).toEqual(["k5", "k4"]);
    expect(page1[0]?.detail).toEqual({ i: 5 });
    const page2 = store.events.list({ limit: 10, before: page1[1]!.id });
    expect(page2.map((e) => e.kind)).toEqual(["k3", "k2", "k1"]);
    expect(page2[2]!.at).toBe(page1[0]!.at - 4000);
    store.close();
  });

  it("keeps failed sign-ins per key within a time range", () => {
    const { store } = open();
    store.loginAttempts.recordFailure("user:a", 100);
    store.loginAttempts.recordFailure("user:a", 200);
    store.loginAttempts.recordFailure("ip:x", 150);
    expect(store.loginAttempts.failuresSince("user:a", 150)).toEqual([200]);
    store.loginAttempts.prune(160);
    expect(store.loginAttempts.failuresSince("ip:x", 0)).toEqual([]);
    store.loginAttempts.clear("user:a");
    expect(store.loginAttempts.failuresSince("user:a", 0)).toEqual([]);
    store.close();
  });
});
