import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Clock } from "../../lib/clock";
import type { Selectable } from "kysely";
import type { Database as Tables } from "../kysely/database";
import { toUser, toUserRecord as toRecord } from "../kysely/user-repo";
import { UsernameTakenError, type UserRecord, type UserRepo } from "../store";
import { createReadCache } from "./read-cache";

type UserRow = Selectable<Tables["users"]>;

export function createSqliteUserRepo(db: Database, clock: Clock): UserRepo {
  const byId = db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?");
  const byName = db.prepare<[string], UserRow>("SELECT * FROM users WHERE username = ?");
  const all = db.prepare<[], UserRow>("SELECT * FROM users ORDER BY username");
  const insert = db.prepare(
    "INSERT INTO users (id, username, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)",
  );
  const activeAdmins = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0",
  );

  // Every request checks its user (role, disabled); read-cache.ts keeps that exact. Writes clear it.
  const cache = createReadCache<UserRecord>(db);
  const findById = (id: string) =>
    cache.get(id, () => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    });

  return {
    create({ username, role, passwordHash }) {
      if (byName.get(username)) throw new UsernameTakenError(`The username ${username} is taken.`);
      const id = randomUUID();
      cache.clear();
      insert.run(id, username, role, passwordHash, clock.now());
      return toUser(findById(id)!);
    },
    findById,
    findByUsername(username) {
      const row = byName.get(username);
      return row ? toRecord(row) : null;
    },
    list: () => all.all().map((row) => toUser(toRecord(row))),
    update(id, patch) {
      cache.clear();
      if (patch.role !== undefined) {
        db.prepare("UPDATE users SET role = ? WHERE id = ?").run(patch.role, id);
      }
      if (patch.disabled !== undefined) {
        db.prepare("UPDATE users SET disabled = ? WHERE id = ?").run(patch.disabled ? 1 : 0, id);
      }
      const record = findById(id);
      return record ? toUser(record) : null;
    },
    setPasswordHash(id, passwordHash) {
      cache.clear();
      db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, id);
    },
    recordLogin(id, at) {
      cache.clear();
      db.prepare("UPDATE users SET last_login_at = ? WHERE id = ?").run(at, id);
    },
    countActiveAdmins: () => activeAdmins.get()?.n ?? 0,
  };
}
