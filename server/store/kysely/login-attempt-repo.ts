import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { LoginAttemptRepo, ReserveResult } from "../port/login-attempt-repo";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";
import { lockedUntil } from "./throttle-window";

const failuresSince = async (db: Kysely<Database>, key: string, since: number) => {
  const rows = await db
    .selectFrom("login_attempts")
    .select("at")
    .where("key", "=", key)
    .where("at", ">=", since)
    .orderBy("at")
    .execute();
  return rows.map((r) => r.at);
};

export function createLoginAttemptRepo({ db, atomically }: RepoContext): LoginAttemptRepo {
  const dropReservation = (trx: Kysely<Database>, attemptId: string) =>
    trx.deleteFrom("login_reservations").where("attempt_id", "=", attemptId).execute();

  return {
    /**
     * The upsert of the key rows comes first and locks them until commit. PostgreSQL (READ
     * COMMITTED): a second reservation on the same key waits there, and its counts, read after the
     * first commits, include the first's reservation. SQLite: the write transaction already runs
     * alone.
     */
    reserve: ({ limits, now, expiresAt }) =>
      atomically(async (trx): Promise<ReserveResult> => {
        const keys = [...new Set(limits.map((l) => l.key))].sort();
        await trx
          .insertInto("login_throttle_keys")
          .values(keys.map((key) => ({ key, locked_at: now })))
          .onConflict((oc) => oc.column("key").doUpdateSet({ locked_at: now }))
          .execute();
        let retryAt: number | null = null;
        for (const limit of limits) {
          const failures = await failuresSince(trx, limit.key, now - limit.windowMs + 1);
          const { n } = await trx
            .selectFrom("login_reservations")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("key", "=", limit.key)
            .where("expires_at", ">", now)
            .executeTakeFirstOrThrow();
          const until = lockedUntil(failures, Number(n), limit, now);
          if (until !== null) retryAt = Math.max(retryAt ?? until, until);
        }
        if (retryAt !== null) return { ok: false, retryAt };
        const attemptId = randomUUID();
        await trx
          .insertInto("login_reservations")
          .values(keys.map((key) => ({ attempt_id: attemptId, key, expires_at: expiresAt })))
          .execute();
        return { ok: true, attemptId };
      }),
    settleFailed: (attemptId, { keys, at }) =>
      atomically(async (trx) => {
        await dropReservation(trx, attemptId);
        if (keys.length === 0) return;
        await trx
          .insertInto("login_attempts")
          .values(keys.map((key) => ({ key, at })))
          .execute();
      }),
    settleSucceeded: (attemptId, { clearKeys }) =>
      atomically(async (trx) => {
        await dropReservation(trx, attemptId);
        if (clearKeys.length === 0) return;
        await trx.deleteFrom("login_attempts").where("key", "in", clearKeys).execute();
      }),
    failuresSince: (key, since) => failuresSince(db, key, since),
    prune: (before) =>
      atomically(async (trx) => {
        await trx.deleteFrom("login_attempts").where("at", "<", before).execute();
        await trx.deleteFrom("login_reservations").where("expires_at", "<", before).execute();
        await trx.deleteFrom("login_throttle_keys").where("locked_at", "<", before).execute();
      }),
  };
}
