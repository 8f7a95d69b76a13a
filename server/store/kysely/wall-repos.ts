import type { Selectable } from "kysely";
import { WallLayoutSchema, type WallToken } from "../../contract/wall";
import type { AlertSample, WallSampleRepo, WallTokenRepo } from "../port/wall-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

type TokenRow = Selectable<Database["wall_tokens"]>;

const toWallToken = (row: TokenRow): WallToken => ({
  id: row.id,
  name: row.name,
  // A layout written by a newer version falls back to the default rather than hiding the wall.
  layout: WallLayoutSchema.catch("rotate").parse(row.layout),
  rotateSeconds: Number(row.rotate_seconds),
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
});

export function createWallTokenRepo({ db, clock }: RepoContext): WallTokenRepo {
  return {
    async create(token) {
      const row: TokenRow = {
        id: token.id,
        token_hash: token.tokenHash,
        name: token.name,
        layout: token.layout,
        rotate_seconds: token.rotateSeconds,
        created_at: clock.now(),
        created_by: token.createdBy,
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto("wall_tokens").values(row).execute();
      return toWallToken(row);
    },
    async list() {
      const rows = await db
        .selectFrom("wall_tokens")
        .selectAll()
        .where("revoked_at", "is", null)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toWallToken);
    },
    async findActive(tokenHash) {
      const row = await db
        .selectFrom("wall_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return row ? toWallToken(row) : null;
    },
    async revoke(id, at) {
      const result = await db
        .updateTable("wall_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async touch(id, at) {
      await db.updateTable("wall_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
    },
  };
}

const toSample = (row: Selectable<Database["wall_alert_samples"]>): AlertSample => ({
  at: Number(row.at),
  total: row.total,
  critical: row.critical,
  high: row.high,
  moderate: row.moderate,
  low: row.low,
  information: row.information,
});

export function createWallSampleRepo({ db }: RepoContext): WallSampleRepo {
  return {
    async put(sample) {
      const counts = {
        critical: sample.critical,
        high: sample.high,
        moderate: sample.moderate,
        low: sample.low,
        information: sample.information,
        total: sample.total,
      };
      await db
        .insertInto("wall_alert_samples")
        .values({ at: sample.at, ...counts })
        .onConflict((oc) => oc.column("at").doUpdateSet(counts))
        .execute();
    },
    async since(at) {
      const rows = await db
        .selectFrom("wall_alert_samples")
        .selectAll()
        .where("at", ">=", at)
        .orderBy("at")
        .execute();
      return rows.map(toSample);
    },
    async deleteBefore(at) {
      const result = await db
        .deleteFrom("wall_alert_samples")
        .where("at", "<", at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
