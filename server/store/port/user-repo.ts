import type { Role } from "../../contract/roles";
import type { User } from "../../contract/users";

/** A user as stored, with the password hash. Never send this over the wire: send `User`. */
export type UserRecord = User & { passwordHash: string };

export type AccessPatch = { role?: Role; disabled?: boolean };

/**
 * The answer of `changeAccess`. `last_admin` is a refusal, not an error: the change would have left
 * no enabled admin, so nobody could manage users any more.
 */
export type AccessChangeResult =
  | { ok: true; before: User; user: User }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "last_admin"; user: User };

export interface UserRepo {
  /** Rejects with UsernameTakenError when the (case-insensitive) username exists. */
  create(input: { username: string; role: Role; passwordHash: string }): Promise<User>;
  findById(id: string): Promise<UserRecord | null>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<UserRecord | null>;
  /** Ordered by username, ignoring case. */
  list(): Promise<User[]>;
  /**
   * Changes role and/or disabled, unless that would leave no enabled admin: the check and the
   * write are one atomic step in the database, so two admins demoting each other at once from two
   * processes cannot both succeed.
   */
  changeAccess(id: string, patch: AccessPatch): Promise<AccessChangeResult>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  recordLogin(id: string, at: number): Promise<void>;
  /** Admins that are not disabled. */
  countActiveAdmins(): Promise<number>;
}

export class UsernameTakenError extends Error {
  override name = "UsernameTakenError";
}
