import type { Database } from "better-sqlite3";
import type { SessionRecord, SessionRepo } from "../store";
import { createReadCache } from "./read-cache";

type SessionRow = { id_hash: string; user_id: string; created_at: number; last_seen_at: number };

export function createSqliteSessionRepo(db: Database): SessionRepo {
  const insert = db.prepare(
    "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
  );
  const select = db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE id_hash = ?");
  const touch = db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?");
  const remove = db.prepare("DELETE FROM sessions WHERE id_hash = ?");
  const removeForUser = db.prepare("DELETE FROM sessions WHERE user_id = ?");
  const removeExpired = db.prepare(
    "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?",
  );

  // Every request looks its session up: see read-cache.ts. Every write below clears it.
  const cache = createReadCache<SessionRecord>(db);
  const load = (idHash: string): SessionRecord | null => {
    const row = select.get(idHash);
    if (!row) return null;
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
    };
  };

  return {
    create(s: SessionRecord) {
      cache.clear();
      insert.run(s.idHash, s.userId, s.createdAt, s.lastSeenAt);
    },
    find: (idHash) => cache.get(idHash, () => load(idHash)),
    touch(idHash, at) {
      cache.clear();
      touch.run(at, idHash);
    },
    revoke(idHash) {
      cache.clear();
      remove.run(idHash);
    },
    revokeAllForUser(userId) {
      cache.clear();
      return removeForUser.run(userId).changes;
    },
    deleteExpired(idleBefore, createdBefore) {
      cache.clear();
      return removeExpired.run(idleBefore, createdBefore).changes;
    },
  };
}
