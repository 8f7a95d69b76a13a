import { createHash, randomBytes } from "node:crypto";
import type { SessionUser } from "../contract/auth";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";

export type SessionPolicy = {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
  /** Last-seen is written at most this often, so every request does not write to the database. */
  touchEveryMs: number;
};

const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 8 * 60 * 60_000,
  absoluteMs: 7 * 24 * 60 * 60_000,
  touchEveryMs: 60_000,
};

export type ResolvedSession = { sessionId: string; user: SessionUser };

/** The session id stored in the database: the cookie value itself never is. */
export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createSessionManager(deps: {
  store: Pick<Store, "sessions" | "users">;
  clock: Clock;
  policy?: Partial<SessionPolicy>;
}) {
  const { store, clock } = deps;
  const policy = { ...DEFAULT_SESSION_POLICY, ...deps.policy };

  return {
    policy,
    /** Starts a session and returns the cookie value (256 random bits). */
    async start(userId: string): Promise<{ token: string; sessionId: string }> {
      const token = randomBytes(32).toString("base64url");
      const sessionId = hashSessionToken(token);
      const now = clock.now();
      await store.sessions.create({ idHash: sessionId, userId, createdAt: now, lastSeenAt: now });
      return { token, sessionId };
    },

    /** The live session for a cookie value, or null; ends expired ones and refreshes idle time. */
    async resolve(token: string): Promise<ResolvedSession | null> {
      const sessionId = hashSessionToken(token);
      const session = await store.sessions.find(sessionId);
      if (!session) return null;
      const now = clock.now();
      const user = await store.users.findById(session.userId);
      const expired =
        now - session.lastSeenAt >= policy.idleMs || now - session.createdAt >= policy.absoluteMs;
      if (!user || user.disabled || expired) {
        await store.sessions.revoke(sessionId);
        return null;
      }
      if (now - session.lastSeenAt >= policy.touchEveryMs) {
        await store.sessions.touch(sessionId, now);
      }
      return { sessionId, user: { id: user.id, username: user.username, role: user.role } };
    },

    revoke: (sessionId: string) => store.sessions.revoke(sessionId),

    /** Housekeeping: drops sessions that can no longer be used. */
    purgeExpired(): Promise<number> {
      const now = clock.now();
      return store.sessions.deleteExpired(now - policy.idleMs, now - policy.absoluteMs);
    },
  };
}
