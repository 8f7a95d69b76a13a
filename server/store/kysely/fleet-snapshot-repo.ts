import type { FleetSnapshotRepo } from "../port/fleet-repos";
import type { RepoContext } from "./repo-context";

export function createFleetSnapshotRepo({ db, clock }: RepoContext): FleetSnapshotRepo {
  return {
    async save({ fetchedAt, format, payload }, name = "fleet") {
      const row = { fetched_at: fetchedAt, saved_at: clock.now(), format, payload };
      await db
        .insertInto("fleet_snapshots")
        .values({ name, ...row })
        .onConflict((oc) => oc.column("name").doUpdateSet(row))
        .execute();
    },
    async stamp(name = "fleet") {
      const row = await db
        .selectFrom("fleet_snapshots")
        .select(["fetched_at", "saved_at"])
        .where("name", "=", name)
        .executeTakeFirst();
      return row ? { fetchedAt: row.fetched_at, savedAt: row.saved_at } : null;
    },
    async load(name = "fleet") {
      const row = await db
        .selectFrom("fleet_snapshots")
        .select(["fetched_at", "saved_at", "format", "payload"])
        .where("name", "=", name)
        .executeTakeFirst();
      if (!row) return null;
      return {
        fetchedAt: row.fetched_at,
        savedAt: row.saved_at,
        format: row.format,
        payload: row.payload,
      };
    },
  };
}
