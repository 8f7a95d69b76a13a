import type { Role } from "../contract/roles";
import type { CreateUser, User } from "../contract/users";
import { UsernameTakenError, type Store } from "../store/store";
import { hashPassword } from "./password";

export type UserAdminFailure = {
  ok: false;
  code: "username_taken" | "user_not_found" | "last_admin";
  message: string;
};
export type UserAdminResult<T> = ({ ok: true } & T) | UserAdminFailure;

const notFound: UserAdminFailure = {
  ok: false,
  code: "user_not_found",
  message: "No such user. It may have been removed; reload the list.",
};
const taken = (username: string): UserAdminFailure => ({
  ok: false,
  code: "username_taken",
  message: `The username ${username} is taken. Pick another.`,
});

/**
 * User administration shared by the admin API and the CLI: the last-admin guard, session
 * revocation and the event log live here once. `actor` is the username acting (or "cli").
 * Inputs are already validated; passwords never reach the event log.
 */
export function createUserAdmin({ store }: { store: Store }) {
  return {
    async create(actor: string, input: CreateUser): Promise<UserAdminResult<{ user: User }>> {
      if (store.users.findByUsername(input.username)) return taken(input.username);
      const passwordHash = await hashPassword(input.password);
      try {
        const user = store.users.create({
          username: input.username,
          role: input.role,
          passwordHash,
        });
        store.events.append({
          actor,
          kind: "user.created",
          target: user.username,
          detail: { role: user.role },
        });
        return { ok: true, user };
      } catch (error) {
        // Another request may have taken the name while the password was hashing.
        if (error instanceof UsernameTakenError) return taken(input.username);
        throw error;
      }
    },

    update(
      actor: string,
      id: string,
      patch: { role?: Role; disabled?: boolean },
    ): UserAdminResult<{ user: User }> {
      const before = store.users.findById(id);
      if (!before) return notFound;
      const losesAdmin =
        before.role === "admin" &&
        !before.disabled &&
        ((patch.role !== undefined && patch.role !== "admin") || patch.disabled === true);
      if (losesAdmin && store.users.countActiveAdmins() <= 1) {
        return {
          ok: false,
          code: "last_admin",
          message: `${before.username} is the only active admin. Make another user an admin first, so someone can still manage users.`,
        };
      }
      const user = store.users.update(id, patch)!;
      const target = user.username;
      if (user.role !== before.role) {
        const detail = { from: before.role, to: user.role };
        store.events.append({ actor, kind: "user.role_changed", target, detail });
      }
      if (user.disabled !== before.disabled) {
        const revoked = user.disabled ? store.sessions.revokeAllForUser(id) : 0;
        store.events.append({
          actor,
          kind: user.disabled ? "user.disabled" : "user.enabled",
          target,
          detail: user.disabled ? { sessionsRevoked: revoked } : null,
        });
      }
      return { ok: true, user };
    },

    /** Every session of that user ends, the caller's own included when resetting their own. */
    async resetPassword(
      actor: string,
      id: string,
      password: string,
    ): Promise<UserAdminResult<{ sessionsRevoked: number }>> {
      const user = store.users.findById(id);
      if (!user) return notFound;
      store.users.setPasswordHash(id, await hashPassword(password));
      const sessionsRevoked = store.sessions.revokeAllForUser(id);
      store.events.append({
        actor,
        kind: "user.password_reset",
        target: user.username,
        detail: { sessionsRevoked },
      });
      return { ok: true, sessionsRevoked };
    },
  };
}
