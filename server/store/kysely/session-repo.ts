import type { DeleteResult } from "kysely";
import type { SessionRecord, SessionRepo } from "../port/session-repo";
import { cachedRead, type RepoContext } from "./repo-context";

export function createSessionRepo({ db, caches }: RepoContext): SessionRepo {
  // Every request looks its session up: see read-cache.ts. Every write goes through cache.write.
  const cache = caches.sessions;
  const load = async (idHash: string): Promise<SessionRecord | null> => {
    const row = await db
      .selectFrom("sessions")
      .selectAll()
      .where("id_hash", "=", idHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
    };
  };
  const remove = (query: { executeTakeFirst(): Promise<DeleteResult> }) =>
    cache.write(async () => Number((await query.executeTakeFirst()).numDeletedRows));
  const sessions = () => db.deleteFrom("sessions");

  return {
    async create(s) {
      await cache.write(() =>
        db
          .insertInto("sessions")
          .values({
            id_hash: s.idHash,
            user_id: s.userId,
            created_at: s.createdAt,
            last_seen_at: s.lastSeenAt,
          })
          .execute(),
      );
    },
    find: (idHash) => cachedRead(db, cache, idHash, () => load(idHash)),
    async touch(idHash, at) {
      await cache.write(() =>
        db
          .updateTable("sessions")
          .set({ last_seen_at: at })
          .where("id_hash", "=", idHash)
          .execute(),
      );
    },
    async revoke(idHash) {
      await remove(sessions().where("id_hash", "=", idHash));
    },
    revokeAllForUser: (userId) => remove(sessions().where("user_id", "=", userId)),
    deleteExpired: (idleBefore, createdBefore) =>
      remove(
        sessions().where((eb) =>
          eb.or([eb("last_seen_at", "<=", idleBefore), eb("created_at", "<=", createdBefore)]),
        ),
      ),
  };
}
