import type { Migration } from "./migration";

/**
 * Sign-in attempts whose password check is running, and one row per throttle key that a
 * reservation locks (PostgreSQL: an upsert takes a row lock, so two reservations on one key
 * serialise; SQLite's write transactions are serial anyway).
 */
export const loginReservationsMigration: Migration = {
  version: 3,
  name: "login-reservations",
  statements: {
    sqlite: [
      `CREATE TABLE login_throttle_keys (
        key TEXT PRIMARY KEY,
        locked_at INTEGER NOT NULL
      )`,
      `CREATE TABLE login_reservations (
        attempt_id TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, key)
      )`,
      `CREATE INDEX login_reservations_key ON login_reservations(key, expires_at)`,
    ],
    postgres: [
      `CREATE TABLE login_throttle_keys (
        key TEXT PRIMARY KEY,
        locked_at BIGINT NOT NULL
      )`,
      `CREATE TABLE login_reservations (
        attempt_id TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (attempt_id, key)
      )`,
      `CREATE INDEX login_reservations_key ON login_reservations(key, expires_at)`,
    ],
  },
};
