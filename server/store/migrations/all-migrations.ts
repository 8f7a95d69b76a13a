import { accountsMigration } from "./001-accounts";
import { fleetMigration } from "./002-fleet";
import type { Migration } from "./migration";

/**
 * Every schema migration, in order. To change the schema: add `NNN-what.ts` next to this file
 * exporting a `Migration` with the next version number, and append it here. That is all; the store
 * applies pending ones at start-up and records them in `schema_migrations`.
 */
export const ALL_MIGRATIONS: readonly Migration[] = [accountsMigration, fleetMigration];
