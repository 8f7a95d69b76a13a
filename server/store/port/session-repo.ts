export type SessionRecord = {
  /** SHA-256 of the cookie value: the cookie itself is never stored. */
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
};

export interface SessionRepo {
  /** Rejects when `userId` names no user. */
  create(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, at: number): Promise<void>;
  revoke(idHash: string): Promise<void>;
  /** Resolves to how many sessions were revoked. */
  revokeAllForUser(userId: string): Promise<number>;
  /** Deletes sessions last seen at or before `idleBefore` or created at or before `createdBefore`. */
  deleteExpired(idleBefore: number, createdBefore: number): Promise<number>;
}
