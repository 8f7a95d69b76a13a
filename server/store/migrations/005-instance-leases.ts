import type { Migration } from "./migration";

/** Which process may run on this database (server/store/instance-lock.ts). */
export const instanceLeasesMigration: Migration = {
  version: 5,
  name: "instance-leases",
  statements: {
    sqlite: [
      `CREATE TABLE instance_leases (
        name TEXT PRIMARY KEY,
        holder_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        acquired_at INTEGER NOT NULL,
        renewed_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE instance_leases (
        name TEXT PRIMARY KEY,
        holder_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        acquired_at BIGINT NOT NULL,
        renewed_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
    ],
  },
};
