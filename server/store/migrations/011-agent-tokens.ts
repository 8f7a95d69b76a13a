import type { Migration } from "./migration";

/**
 * Agent tokens (only a SHA-256 of the secret is kept), the per-tool policies and the console's
 * own settings (the kill switch, the proposal expiry, the webhook) as key -> JSON value.
 */
export const agentTokensMigration: Migration = {
  version: 11,
  name: "agent-tokens",
  statements: {
    sqlite: [
      `CREATE TABLE agent_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        hint TEXT NOT NULL,
        groups TEXT NOT NULL,
        test_mode INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        expires_at INTEGER,
        revoked_at INTEGER,
        last_used_at INTEGER
      )`,
      `CREATE TABLE tool_policies (
        tool TEXT PRIMARY KEY,
        policy TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT
      )`,
      `CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT
      )`,
    ],
    postgres: [
      `CREATE TABLE agent_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        hint TEXT NOT NULL,
        groups TEXT NOT NULL,
        test_mode INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        created_by TEXT,
        expires_at BIGINT,
        revoked_at BIGINT,
        last_used_at BIGINT
      )`,
      `CREATE TABLE tool_policies (
        tool TEXT PRIMARY KEY,
        policy TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        updated_by TEXT
      )`,
      `CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        updated_by TEXT
      )`,
    ],
  },
};
