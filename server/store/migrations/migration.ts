import type { Database } from "better-sqlite3";

/**
 * One schema change. `version` is unique and increasing; a migration is never edited once
 * released: change the schema with a new one. Each runs inside a transaction.
 */
export type Migration = {
  version: number;
  name: string;
  up(db: Database): void;
};
