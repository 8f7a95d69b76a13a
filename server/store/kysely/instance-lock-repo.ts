import type { Selectable } from "kysely";
import type { InstanceLockRepo, Lease } from "../port/instance-lock-repo";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

const toLease = (row: Selectable<Database["instance_leases"]>): Lease => ({
  id: row.holder_id,
  pid: row.pid,
  host: row.host,
  acquiredAt: row.acquired_at,
  renewedAt: row.renewed_at,
  expiresAt: row.expires_at,
});

/**
 * Each method is one statement whose affected-row count decides: an upsert whose update only
 * applies when the lease is free to take, or an update/delete scoped to the holder. Both dialects
 * evaluate the condition against the current row under its lock, so two processes cannot both
 * take a lease.
 */
export function createInstanceLockRepo({ db }: RepoContext): InstanceLockRepo {
  return {
    async acquire({ name, holder, now, ttlMs, replacing }) {
      const row = {
        holder_id: holder.id,
        pid: holder.pid,
        host: holder.host,
        acquired_at: now,
        renewed_at: now,
        expires_at: now + ttlMs,
      };
      // A lease released between the failed upsert and the read is simply tried again.
      for (;;) {
        const result = await db
          .insertInto("instance_leases")
          .values({ name, ...row })
          .onConflict((oc) =>
            oc
              .column("name")
              .doUpdateSet(row)
              .where((eb) =>
                eb.or([
                  eb("instance_leases.expires_at", "<=", now),
                  eb("instance_leases.holder_id", "=", holder.id),
                  eb("instance_leases.holder_id", "=", replacing ?? holder.id),
                ]),
              ),
          )
          .executeTakeFirst();
        if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) return { acquired: true };
        const held = await db
          .selectFrom("instance_leases")
          .selectAll()
          .where("name", "=", name)
          .executeTakeFirst();
        if (held) return { acquired: false, lease: toLease(held) };
      }
    },
    async renew({ name, holderId, now, ttlMs }) {
      const result = await db
        .updateTable("instance_leases")
        .set({ renewed_at: now, expires_at: now + ttlMs })
        .where("name", "=", name)
        .where("holder_id", "=", holderId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async release(name, holderId) {
      await db
        .deleteFrom("instance_leases")
        .where("name", "=", name)
        .where("holder_id", "=", holderId)
        .execute();
    },
  };
}
