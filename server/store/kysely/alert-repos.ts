import type { Selectable } from "kysely";
import { QueueAlertSchema, type AlertClaim } from "../../contract/alerts";
import type { AlertClaimRepo, AlertResolutionRepo, ResolutionRecord } from "../port/alert-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

const toClaim = (row: Selectable<Database["alert_claims"]>): AlertClaim => ({
  by: row.actor,
  byKind: row.actor_kind,
  byId: row.actor_id,
  note: row.note,
  at: row.claimed_at,
});

/** Long lists of uids go in chunks: SQLite caps the number of parameters of one statement. */
const CHUNK = 500;
const chunks = <T>(list: readonly T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) =>
    list.slice(i * CHUNK, (i + 1) * CHUNK),
  );

export function createAlertClaimRepo({ db, clock }: RepoContext): AlertClaimRepo {
  const get = async (alertUid: string) => {
    const row = await db
      .selectFrom("alert_claims")
      .selectAll()
      .where("alert_uid", "=", alertUid)
      .executeTakeFirst();
    return row ? toClaim(row) : null;
  };
  const claim: AlertClaimRepo["claim"] = async (input) => {
    const row = {
      alert_uid: input.alertUid,
      actor: input.actor,
      actor_kind: input.actorKind,
      actor_id: input.actorId,
      note: input.note,
      claimed_at: clock.now(),
    };
    // The primary key decides: of two claims at once, exactly one insert lands.
    const result = await db
      .insertInto("alert_claims")
      .values(row)
      .onConflict((oc) => oc.column("alert_uid").doNothing())
      .executeTakeFirst();
    if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) return { taken: true, claim: toClaim(row) };
    const holder = await get(input.alertUid);
    // Released between the insert and the read: try once more (a release is rare).
    if (!holder) return claim(input);
    return { taken: false, holder };
  };
  return {
    claim,
    async updateNote(alertUid, actorId, actor, note) {
      let query = db.updateTable("alert_claims").set({ note }).where("alert_uid", "=", alertUid);
      query = actorId ? query.where("actor_id", "=", actorId) : query.where("actor", "=", actor);
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n ? get(alertUid) : null;
    },
    get,
    async list() {
      const rows = await db.selectFrom("alert_claims").selectAll().execute();
      return new Map(rows.map((r) => [r.alert_uid, toClaim(r)]));
    },
    async release(alertUid) {
      const holder = await get(alertUid);
      if (!holder) return null;
      const result = await db
        .deleteFrom("alert_claims")
        .where("alert_uid", "=", alertUid)
        .where("claimed_at", "=", holder.at)
        .where("actor", "=", holder.by)
        .executeTakeFirst();
      return result.numDeletedRows > 0n ? holder : null;
    },
    async removeMany(alertUids) {
      for (const part of chunks(alertUids)) {
        await db.deleteFrom("alert_claims").where("alert_uid", "in", part).execute();
      }
    },
  };
}

const toRecord = (row: Selectable<Database["alert_resolutions"]>): ResolutionRecord | null => {
  let alert: unknown;
  try {
    alert = JSON.parse(row.alert);
  } catch {
    return null;
  }
  const parsed = QueueAlertSchema.safeParse(alert);
  if (!parsed.success) return null;
  return {
    alertUid: row.alert_uid,
    via: row.via === "deck" ? "deck" : "datto",
    actor: row.actor,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    resolvedAt: row.resolved_at,
    alert: parsed.data,
  };
};

export function createAlertResolutionRepo({ db }: RepoContext): AlertResolutionRepo {
  return {
    async record(record) {
      const row = {
        alert_uid: record.alertUid,
        via: record.via,
        actor: record.actor,
        actor_kind: record.actorKind,
        actor_id: record.actorId,
        resolved_at: record.resolvedAt,
        alert: JSON.stringify(record.alert),
      };
      // Ours says who: a later "it left the open list" never overwrites it.
      await db
        .insertInto("alert_resolutions")
        .values(row)
        .onConflict((oc) =>
          oc
            .column("alert_uid")
            .doUpdateSet({
              via: row.via,
              actor: row.actor,
              actor_kind: row.actor_kind,
              actor_id: row.actor_id,
              resolved_at: row.resolved_at,
              alert: row.alert,
            })
            .where("alert_resolutions.via", "!=", "deck"),
        )
        .execute();
    },
    async get(alertUid) {
      const row = await db
        .selectFrom("alert_resolutions")
        .selectAll()
        .where("alert_uid", "=", alertUid)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async listSince(at) {
      const rows = await db
        .selectFrom("alert_resolutions")
        .selectAll()
        .where("resolved_at", ">=", at)
        .orderBy("resolved_at", "desc")
        .execute();
      return rows.map(toRecord).filter((r): r is ResolutionRecord => r !== null);
    },
    async pruneBefore(at) {
      const result = await db
        .deleteFrom("alert_resolutions")
        .where("resolved_at", "<", at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async removeMany(alertUids) {
      for (const part of chunks(alertUids)) {
        await db.deleteFrom("alert_resolutions").where("alert_uid", "in", part).execute();
      }
    },
  };
}
