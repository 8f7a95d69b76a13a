import type { Migration } from "./migration";

/**
 * Who is on an alert ("on it"), with an optional note: RMM Deck's own state, since Datto has no
 * acknowledge state. One claim per alert: the primary key makes the first claim win atomically.
 */
export const alertClaimsMigration: Migration = {
  version: 7,
  name: "alert-claims",
  statements: {
    sqlite: [
      `CREATE TABLE alert_claims (
        alert_uid TEXT PRIMARY KEY,
        actor TEXT NOT NULL,
        actor_kind TEXT,
        actor_id TEXT,
        note TEXT,
        claimed_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE alert_claims (
        alert_uid TEXT PRIMARY KEY,
        actor TEXT NOT NULL,
        actor_kind TEXT,
        actor_id TEXT,
        note TEXT,
        claimed_at BIGINT NOT NULL
      )`,
    ],
  },
};
