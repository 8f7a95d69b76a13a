import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import { RoleSchema } from "../../contract/roles";
import type { User } from "../../contract/users";
import {
  UsernameTakenError,
  type AccessChangeResult,
  type AccessPatch,
  type UserRecord,
  type UserRepo,
} from "../port/user-repo";
import type { Database } from "./database";
import { cachedRead, type RepoContext } from "./repo-context";

type UserRow = Selectable<Database["users"]>;

export const toUserRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  role: RoleSchema.parse(row.role),
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
  passwordHash: row.password_hash,
});

export const toUser = ({ passwordHash: _hash, ...user }: UserRecord): User => user;

const isActiveAdmin = (u: { role: string; disabled: boolean }) => u.role === "admin" && !u.disabled;

export function createUserRepo({ db, traits, clock, caches, atomically }: RepoContext): UserRepo {
  const cache = caches.users;
  const selectUsers = (q: Kysely<Database>) => q.selectFrom("users").selectAll();
  const load = async (id: string) => {
    const row = await selectUsers(db).where("id", "=", id).executeTakeFirst();
    return row ? toUserRecord(row) : null;
  };
  const update = (id: string, values: Partial<UserRow>) =>
    cache.write(() => db.updateTable("users").set(values).where("id", "=", id).execute());

  /**
   * The last-admin guard. SQLite: the transaction holds the database's write lock from its first
   * statement, so no other connection changes an admin between the count and the write.
   * PostgreSQL (READ COMMITTED): the enabled admins are locked first, in id order (so two guards
   * cannot deadlock); a second guard waits, then re-reads them after the first commits and sees
   * its change.
   */
  const changeAccess = (id: string, patch: AccessPatch) =>
    atomically(async (trx): Promise<AccessChangeResult> => {
      const mayRemoveAdmin = (patch.role !== undefined && patch.role !== "admin") || patch.disabled;
      // The user's own row is locked in the same ordered pass: locking it later, by the UPDATE,
      // could deadlock with a guard that holds it (PostgreSQL keeps the lock on a row that a
      // concurrent commit took out of the WHERE while it waited; seen on a real server).
      const locked = mayRemoveAdmin
        ? await trx
            .selectFrom("users")
            .select(["id", "role", "disabled"])
            .where((eb) =>
              eb.or([
                eb.and([eb("role", "=", "admin"), eb("disabled", "=", 0)]),
                eb("id", "=", id),
              ]),
            )
            .orderBy("id")
            .$if(traits.rowLocks, (q) => q.forUpdate())
            .execute()
        : [];
      const admins = locked.filter((u) => u.role === "admin" && u.disabled === 0);
      const row = await selectUsers(trx).where("id", "=", id).executeTakeFirst();
      if (!row) return { ok: false, reason: "not_found" };
      const before = toUser(toUserRecord(row));
      const after: User = {
        ...before,
        role: patch.role ?? before.role,
        disabled: patch.disabled ?? before.disabled,
      };
      const othersLeft = admins.filter((a) => a.id !== id).length;
      if (isActiveAdmin(before) && !isActiveAdmin(after) && othersLeft === 0) {
        return { ok: false, reason: "last_admin", user: before };
      }
      await cache.write(() =>
        trx
          .updateTable("users")
          .set({ role: after.role, disabled: after.disabled ? 1 : 0 })
          .where("id", "=", id)
          .execute(),
      );
      return { ok: true, before, user: after };
    });

  return {
    async create({ username, role, passwordHash }) {
      const row: UserRow = {
        id: randomUUID(),
        username,
        role,
        password_hash: passwordHash,
        disabled: 0,
        created_at: clock.now(),
        last_login_at: null,
      };
      try {
        await cache.write(() => db.insertInto("users").values(row).execute());
      } catch (error) {
        // The unique index decides, so two processes creating one name cannot both succeed.
        if (traits.isUniqueViolation(error)) {
          throw new UsernameTakenError(`The username ${username} is taken.`);
        }
        throw error;
      }
      return toUser(toUserRecord(row));
    },
    findById: (id) => cachedRead(db, cache, id, () => load(id)),
    async findByUsername(username) {
      const row = await selectUsers(db)
        .where(sql`lower(username)`, "=", sql`lower(${username})`)
        .executeTakeFirst();
      return row ? toUserRecord(row) : null;
    },
    async list() {
      const rows = await selectUsers(db)
        .orderBy(sql`lower(username)`)
        .orderBy("username")
        .execute();
      return rows.map((row) => toUser(toUserRecord(row)));
    },
    changeAccess,
    async setPasswordHash(id, passwordHash) {
      await update(id, { password_hash: passwordHash });
    },
    async recordLogin(id, at) {
      await update(id, { last_login_at: at });
    },
    async countActiveAdmins() {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "=", "admin")
        .where("disabled", "=", 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
