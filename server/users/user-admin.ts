import { hashPassword } from "../auth/password";
import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type { CreateUser, User } from "../contract/users";
import { recordEvent } from "../events/record-event";
import { refusal, type Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";
import { UsernameTakenError, type AccessPatch } from "../store/port/user-repo";

const notFound = () =>
  refusal(
    "not-found",
    "user_not_found",
    "No such user. It may have been removed; reload the list.",
  );
const taken = (username: string) =>
  refusal("conflict", "username_taken", `The username ${username} is taken. Pick another.`);

/**
 * User administration shared by the admin API and the CLI: the permission check, the last-admin
 * guard, session revocation and the event log live here once. Inputs are already validated;
 * passwords never reach the event log.
 */
export function createUserAdmin({ store }: { store: Store }) {
  return {
    async list(actor: Actor): Promise<Outcome<{ users: User[] }>> {
      const denied = authorize(actor, "users:manage");
      if (denied) return denied;
      return { ok: true, users: await store.users.list() };
    },

    async create(actor: Actor, input: CreateUser): Promise<Outcome<{ user: User }>> {
      const denied = authorize(actor, "users:manage");
      if (denied) return denied;
      if (await store.users.findByUsername(input.username)) return taken(input.username);
      const passwordHash = await hashPassword(input.password);
      try {
        const user = await store.transaction(async (tx) => {
          const created = await tx.users.create({
            username: input.username,
            role: input.role,
            passwordHash,
          });
          await recordEvent(tx.events, actor, {
            kind: "user.created",
            target: created.username,
            detail: { role: created.role },
          });
          return created;
        });
        return { ok: true, user };
      } catch (error) {
        // Another request may have taken the name while the password was hashing.
        if (error instanceof UsernameTakenError) return taken(input.username);
        throw error;
      }
    },

    /**
     * The last-admin guard, the change, its events and (when disabling) the end of the user's
     * sessions are one transaction: two admins demoting each other at once, from this process
     * and the CLI, cannot both succeed, and no change lands without its event.
     */
    async update(actor: Actor, id: string, patch: AccessPatch): Promise<Outcome<{ user: User }>> {
      const denied = authorize(actor, "users:manage");
      if (denied) return denied;
      const change = await store.transaction(async (tx) => {
        const result = await tx.users.changeAccess(id, patch);
        if (!result.ok) return result;
        const { before, user } = result;
        const target = user.username;
        if (user.role !== before.role) {
          const detail = { from: before.role, to: user.role };
          await recordEvent(tx.events, actor, { kind: "user.role_changed", target, detail });
        }
        if (user.disabled !== before.disabled) {
          const revoked = user.disabled ? await tx.sessions.revokeAllForUser(id) : 0;
          await recordEvent(tx.events, actor, {
            kind: user.disabled ? "user.disabled" : "user.enabled",
            target,
            detail: user.disabled ? { sessionsRevoked: revoked } : null,
          });
        }
        return result;
      });
      if (change.ok) return { ok: true, user: change.user };
      if (change.reason === "not_found") return notFound();
      return refusal(
        "conflict",
        "last_admin",
        `${change.user.username} is the only active admin. Make another user an admin first, so someone can still manage users.`,
      );
    },

    /** Every session of that user ends, the caller's own included when resetting their own. */
    async resetPassword(
      actor: Actor,
      id: string,
      password: string,
    ): Promise<Outcome<{ sessionsRevoked: number }>> {
      const denied = authorize(actor, "users:manage");
      if (denied) return denied;
      const user = await store.users.findById(id);
      if (!user) return notFound();
      const passwordHash = await hashPassword(password);
      const sessionsRevoked = await store.transaction(async (tx) => {
        await tx.users.setPasswordHash(id, passwordHash);
        const revoked = await tx.sessions.revokeAllForUser(id);
        await recordEvent(tx.events, actor, {
          kind: "user.password_reset",
          target: user.username,
          detail: { sessionsRevoked: revoked },
        });
        return revoked;
      });
      return { ok: true, sessionsRevoked };
    },
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
