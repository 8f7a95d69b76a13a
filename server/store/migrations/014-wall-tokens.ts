import type { Migration } from "./migration";

/**
 * Wall tokens (issue 12): a NOC screen's bearer token, stored as its SHA-256 only. A revoked token
 * keeps its row (revoked_at set) so the event log's token id still names a wall.
 */
export const wallTokensMigration: Migration = {
  version: 14,
  name: "wall-tokens",
  statements: {
    sqlite: [
      `CREATE TABLE wall_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        layout TEXT NOT NULL,
        rotate_seconds INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        last_used_at INTEGER,
        revoked_at INTEGER
      )`,
    ],
    postgres: [
      `CREATE TABLE wall_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        layout TEXT NOT NULL,
        rotate_seconds INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        created_by TEXT,
        last_used_at BIGINT,
        revoked_at BIGINT
      )`,
    ],
  },
};
