import type { Role } from "../contract/roles";
import type { AuditEvent, User } from "../contract/users";
import type { FleetSnapshotRepo, SavedViewRepo, UdfLabelRepo } from "./fleet-repos";

/**
 * The persistence port. Routes and services depend on this interface, never on SQLite, so a server
 * database can replace the SQLite adapter later.
 *
 * Decision: methods are synchronous because better-sqlite3 is, and synchronous calls cannot
 * interleave inside one Node process (check-then-write sequences such as the last-admin guard stay
 * atomic without explicit transactions). An async database would be adapted by making these
 * methods return promises and adding a `transaction(fn)` method; callers are few and thin.
 */
export interface Store {
  users: UserRepo;
  sessions: SessionRepo;
  loginAttempts: LoginAttemptRepo;
  events: EventRepo;
  fleetSnapshots: FleetSnapshotRepo;
  savedViews: SavedViewRepo;
  udfLabels: UdfLabelRepo;
  close(): void;
}

/** A user as stored, with the password hash. Never send this over the wire: send `User`. */
export type UserRecord = User & { passwordHash: string };

export interface UserRepo {
  /** Throws UsernameTakenError when the (case-insensitive) username exists. */
  create(input: { username: string; role: Role; passwordHash: string }): User;
  findById(id: string): UserRecord | null;
  findByUsername(username: string): UserRecord | null;
  list(): User[];
  update(id: string, patch: { role?: Role; disabled?: boolean }): User | null;
  setPasswordHash(id: string, passwordHash: string): void;
  recordLogin(id: string, at: number): void;
  /** Admins that are not disabled. */
  countActiveAdmins(): number;
}

export class UsernameTakenError extends Error {
  override name = "UsernameTakenError";
}

export type SessionRecord = {
  /** SHA-256 of the cookie value: the cookie itself is never stored. */
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
};

export interface SessionRepo {
  create(session: SessionRecord): void;
  find(idHash: string): SessionRecord | null;
  touch(idHash: string, at: number): void;
  revoke(idHash: string): void;
  /** Returns how many sessions were revoked. */
  revokeAllForUser(userId: string): number;
  /** Deletes sessions last seen at or before `idleBefore` or created at or before `createdBefore`. */
  deleteExpired(idleBefore: number, createdBefore: number): number;
}

/** Failed sign-ins, keyed by e.g. `user:alice` or `ip:10.0.0.5`. */
export interface LoginAttemptRepo {
  recordFailure(key: string, at: number): void;
  /** Failure times for `key` at or after `since`, oldest first. */
  failuresSince(key: string, since: number): number[];
  clear(key: string): void;
  prune(before: number): void;
}

export type NewEvent = Omit<AuditEvent, "id" | "at"> & { at?: number };

export interface EventRepo {
  append(event: NewEvent): AuditEvent;
  /** Newest first; `before` is an event id (exclusive) for paging back. */
  list(options: { limit: number; before?: number }): AuditEvent[];
}
