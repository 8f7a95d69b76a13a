import type { Migration } from "./migration";

const table = (big: string) => [
  `CREATE TABLE component_prefs (
    user_id TEXT NOT NULL,
    component_uid TEXT NOT NULL,
    favourite INTEGER NOT NULL,
    last_used_at ${big},
    PRIMARY KEY (user_id, component_uid)
  )`,
];

/** Each person's favourite components and when they last launched each (the launcher's lists). */
export const componentPrefsMigration: Migration = {
  version: 10,
  name: "component-prefs",
  statements: { sqlite: table("INTEGER"), postgres: table("BIGINT") },
};
