import type { Migration } from "./migration";

/**
 * Alerts that left the open list in the last day, with who resolved them: through RMM Deck (the
 * actor, as the audit log has it) or outside it (Datto). `alert` is the queue row as JSON, so
 * "recently resolved" survives a restart without reading Datto's whole resolved list.
 */
export const alertResolutionsMigration: Migration = {
  version: 8,
  name: "alert-resolutions",
  statements: {
    sqlite: [
      `CREATE TABLE alert_resolutions (
        alert_uid TEXT PRIMARY KEY,
        via TEXT NOT NULL,
        actor TEXT,
        actor_kind TEXT,
        actor_id TEXT,
        resolved_at INTEGER NOT NULL,
        alert TEXT NOT NULL
      )`,
      `CREATE INDEX alert_resolutions_at ON alert_resolutions (resolved_at)`,
    ],
    postgres: [
      `CREATE TABLE alert_resolutions (
        alert_uid TEXT PRIMARY KEY,
        via TEXT NOT NULL,
        actor TEXT,
        actor_kind TEXT,
        actor_id TEXT,
        resolved_at BIGINT NOT NULL,
        alert TEXT NOT NULL
      )`,
      `CREATE INDEX alert_resolutions_at ON alert_resolutions (resolved_at)`,
    ],
  },
};
