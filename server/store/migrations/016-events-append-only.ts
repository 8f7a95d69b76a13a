import type { Migration } from "./migration";

const REFUSAL = "events are append-only";

/**
 * The event log (and the audit log built on it) is append-only in the database itself, not only
 * by the repos having no update or delete: an UPDATE, DELETE (or, on PostgreSQL, TRUNCATE) of
 * `events` fails, whoever sends it, on every instance sharing the database (issue 13).
 */
export const eventsAppendOnlyMigration: Migration = {
  version: 16,
  name: "events-append-only",
  statements: {
    sqlite: [
      `CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
      `CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
    ],
    postgres: [
      `CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'insufficient_privilege'; END $$`,
      `CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only()`,
      `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
    ],
  },
};
