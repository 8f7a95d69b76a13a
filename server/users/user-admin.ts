import { hashPassword } from "../auth/password";
import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type { Role } from "../contract/roles";
import type { CreateUser, User } from "../contract/users";
import { recordEvent } from "../events/record-event";
import { refusal, type Outcome } from "../lib/outcome";
import { UsernameTakenError, type Store } from "../store/store";

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
      let user: User;
      try {
        user = await store.users.create({
          username: input.username,
          role: input.role,
          passwordHash,
        });
      } catch (error) {
        // Another request may have taken the name while the password was hashing.
        if (error instanceof UsernameTakenError) return taken(input.username);
        throw error;
      }
      await recordEvent(store.events, actor, {
        kind: "user.created",
        target: user.username,
        detail: { role: user.role },
      });
      return { ok: true, user };
    },

    async update(
      actor: Actor,
      id: string,
      patch: { role?: Role; disabled?: boolean },
    ): Promise<Outcome<{ user: User }>> {
      const denied = authorize(actor, "users:manage");
      if (denied) return denied;
      const before = await store.users.findById(id);
      if (!before) return notFound();
      const losesAdmin =
        before.role === "admin" &&
        !before.disabled &&
        ((patch.role !== undefined && patch.role !== "admin") || patch.disabled === true);
      if (losesAdmin && (await store.users.countActiveAdmins()) <= 1) {
        return refusal(
          "conflict",
          "last_admin",
          `${before.username} is the only active admin. Make another user an admin first, so someone can still manage users.`,
        );
      }
      const user = (await store.users.update(id, patch))!;
      const target = user.username;
      if (user.role !== before.role) {
        const detail = { from: before.role, to: user.role };
        await recordEvent(store.events, actor, { kind: "user.role_changed", target, detail });
      }
      if (user.disabled !== before.disabled) {
        const revoked = user.disabled ? await store.sessions.revokeAllForUser(id) : 0;
        await recordEvent(store.events, actor, {
          kind: user.disabled ? "user.disabled" : "user.enabled",
          target,
          detail: user.disabled ? { sessionsRevoked: revoked } : null,
        });
      }
      return { ok: true, user };
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
      await store.users.setPasswordHash(id, await hashPassword(password));
      const sessionsRevoked = await store.sessions.revokeAllForUser(id);
      await recordEvent(store.events, actor, {
        kind: "user.password_reset",
        target: user.username,
        detail: { sessionsRevoked },
      });
      return { ok: true, sessionsRevoked };
    },
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
