import type { Migration } from "./migration";

/**
 * The event log becomes the tamper-evident audit log (decision 0024): each row carries the hash
 * of the one before it and its own hash over its content, and the database itself refuses to
 * change or delete a row. Rows written before this version are sealed into the chain by the next
 * append (the only UPDATE allowed: setting the hash of a row that has none).
 */
export const auditChainMigration: Migration = {
  version: 13,
  name: "audit-chain",
  statements: {
    sqlite: [
      `ALTER TABLE events ADD COLUMN prev_hash TEXT`,
      `ALTER TABLE events ADD COLUMN hash TEXT`,
      `CREATE TRIGGER events_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `CREATE TRIGGER events_no_update BEFORE UPDATE ON events
       WHEN OLD.hash IS NOT NULL OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
         OR NEW.kind IS NOT OLD.kind OR NEW.target IS NOT OLD.target OR NEW.detail IS NOT OLD.detail
         OR NEW.actor_kind IS NOT OLD.actor_kind OR NEW.actor_id IS NOT OLD.actor_id OR NEW.id IS NOT OLD.id
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    ],
    postgres: [
      `ALTER TABLE events ADD COLUMN prev_hash TEXT`,
      `ALTER TABLE events ADD COLUMN hash TEXT`,
      `CREATE FUNCTION events_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.at = OLD.at
            AND NEW.actor IS NOT DISTINCT FROM OLD.actor AND NEW.kind = OLD.kind
            AND NEW.target IS NOT DISTINCT FROM OLD.target AND NEW.detail IS NOT DISTINCT FROM OLD.detail
            AND NEW.actor_kind IS NOT DISTINCT FROM OLD.actor_kind
            AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.id = OLD.id THEN
           RETURN NEW;
         END IF;
         RAISE EXCEPTION 'the audit log is append-only';
       END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
       FOR EACH ROW EXECUTE FUNCTION events_append_only()`,
    ],
  },
};
