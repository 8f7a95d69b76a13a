import type { Migration } from "./migration";

/**
 * The wall's 24 h trend (issue 12): open-alert counts per priority, sampled once a minute by the
 * server (server/wall/alert-sampler.ts). One row per minute; rows older than the kept window are
 * deleted as new ones come.
 */
export const wallAlertSamplesMigration: Migration = {
  version: 15,
  name: "wall-alert-samples",
  statements: {
    sqlite: [
      `CREATE TABLE wall_alert_samples (
        at INTEGER PRIMARY KEY,
        critical INTEGER NOT NULL,
        high INTEGER NOT NULL,
        moderate INTEGER NOT NULL,
        low INTEGER NOT NULL,
        information INTEGER NOT NULL,
        total INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE wall_alert_samples (
        at BIGINT PRIMARY KEY,
        critical INTEGER NOT NULL,
        high INTEGER NOT NULL,
        moderate INTEGER NOT NULL,
        low INTEGER NOT NULL,
        information INTEGER NOT NULL,
        total INTEGER NOT NULL
      )`,
    ],
  },
};
