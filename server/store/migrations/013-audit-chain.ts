import type { Migration } from "./migration";

/**
 * The event log becomes the tamper-evident audit log (decision 0024): each row carries the hash
 * of the row before it and its own hash over its content, and the database itself refuses to
 * change or delete a row. Rows written before this version keep no hash: the chain starts after
 * them. Trigger names are the audit log's own, so another migration guarding `events` (issue 13's
 * append-only triggers) can sit beside them.
 */
export const auditChainMigration: Migration = {
  version: 13,
  name: "audit-chain",
  statements: {
    sqlite: [
      `ALTER TABLE events ADD COLUMN prev_hash TEXT`,
      `ALTER TABLE events ADD COLUMN hash TEXT`,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON events
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    ],
    postgres: [
      `ALTER TABLE events ADD COLUMN prev_hash TEXT`,
      `ALTER TABLE events ADD COLUMN hash TEXT`,
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON events
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON events
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    ],
  },
};
