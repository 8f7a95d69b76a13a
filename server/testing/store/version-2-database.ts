import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

/**
 * A database exactly as RMM Deck wrote it before the store became async (schema version 2, the
 * SQL of migrations 1 and 2 as released, run by the synchronous store), with one row in every
 * table: what an existing installation's rmm-deck.db holds. Frozen here on purpose: the current
 * migrations must keep opening it.
 */
export function createVersion2Database(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        last_login_at INTEGER
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions(user_id);
      CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_attempts_key_at ON login_attempts(key, at);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT,
        kind TEXT NOT NULL,
        target TEXT,
        detail TEXT
      );
    `);
  db.exec(`
      CREATE TABLE fleet_snapshots (
        name TEXT PRIMARY KEY,
        fetched_at INTEGER NOT NULL,
        saved_at INTEGER NOT NULL,
        format INTEGER NOT NULL,
        payload BLOB NOT NULL
      );
      CREATE TABLE saved_views (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        columns TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX saved_views_user_id ON saved_views(user_id, created_at);
      CREATE TABLE udf_labels (
        udf_key TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  db.exec(`
    INSERT INTO schema_migrations VALUES (1, 'accounts', 1700000000000), (2, 'fleet', 1700000000000);
    INSERT INTO users VALUES ('u1', 'Alice', 'admin', 'scrypt$hash', 0, 1700000000001, 1700000000002);
    INSERT INTO sessions VALUES ('session-hash', 'u1', 1700000000003, 1700000000004);
    INSERT INTO login_attempts (key, at) VALUES ('user:bob', 1700000000005);
    INSERT INTO events (at, actor, kind, target, detail)
      VALUES (1700000000006, 'cli', 'user.created', 'Alice', '{"role":"admin"}');
    INSERT INTO fleet_snapshots VALUES ('fleet', 1700000000007, 1700000000008, 1, x'0102ff');
    INSERT INTO saved_views VALUES ('v1', 'u1', 'Servers', '{"q":"srv"}', '["hostname"]', 1700000000009);
    INSERT INTO udf_labels VALUES ('udf3', 'Contract', 1700000000010);
  `);
  db.close();
}
