import type { Migration } from "./migration";

/** The last good fleet snapshot (for restarts during a Datto outage), saved views, UDF names. */
export const fleetMigration: Migration = {
  version: 2,
  name: "fleet",
  statements: {
    sqlite: [
      `CREATE TABLE fleet_snapshots (
        name TEXT PRIMARY KEY,
        fetched_at INTEGER NOT NULL,
        saved_at INTEGER NOT NULL,
        format INTEGER NOT NULL,
        payload BLOB NOT NULL
      )`,
      `CREATE TABLE saved_views (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        columns TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE INDEX saved_views_user_id ON saved_views(user_id, created_at)`,
      `CREATE TABLE udf_labels (
        udf_key TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE fleet_snapshots (
        name TEXT PRIMARY KEY,
        fetched_at BIGINT NOT NULL,
        saved_at BIGINT NOT NULL,
        format INTEGER NOT NULL,
        payload BYTEA NOT NULL
      )`,
      `CREATE TABLE saved_views (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        columns TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX saved_views_user_id ON saved_views(user_id, created_at)`,
      `CREATE TABLE udf_labels (
        udf_key TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    ],
  },
};
