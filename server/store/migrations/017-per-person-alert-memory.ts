import type { Migration } from "./migration";

/**
 * The queue's per-person memory on the server, so it follows a person across browsers and tabs:
 * saved views get a kind ("devices", the existing ones, or "alerts"), and each person's last look
 * at the alert queue (what "new since you last looked" compares with).
 */
export const perPersonAlertMemoryMigration: Migration = {
  version: 17,
  name: "per-person-alert-memory",
  statements: {
    sqlite: [
      `ALTER TABLE saved_views ADD COLUMN kind TEXT NOT NULL DEFAULT 'devices'`,
      `CREATE TABLE alert_last_looks (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        seen_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `ALTER TABLE saved_views ADD COLUMN kind TEXT NOT NULL DEFAULT 'devices'`,
      `CREATE TABLE alert_last_looks (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        seen_at BIGINT NOT NULL
      )`,
    ],
  },
};
