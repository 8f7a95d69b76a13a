import { sql, type Selectable } from "kysely";
import { AuditEventSchema, type AuditEvent } from "../../contract/users";
import type { EventRepo } from "../port/event-repo";
import type { Database } from "./database";
import { GENESIS, chainProblem, eventHash } from "./event-chain";
import type { RepoContext } from "./repo-context";

const DetailSchema = AuditEventSchema.shape.detail;
const ActorKindSchema = AuditEventSchema.shape.actorKind;

export const toEvent = (row: Selectable<Database["events"]>): AuditEvent => ({
  id: Number(row.id),
  at: Number(row.at),
  actor: row.actor,
  actorKind: ActorKindSchema.parse(row.actor_kind),
  actorId: row.actor_id,
  kind: row.kind,
  target: row.target,
  detail: row.detail === null ? null : DetailSchema.parse(JSON.parse(row.detail)),
});

/** Any number: PostgreSQL's advisory lock that queues appends to the chain across connections. */
const CHAIN_LOCK = 7_011_013;

/** Append-only and hash-chained: there is deliberately no update or delete. */
export function createEventRepo({ db, traits, clock, atomically }: RepoContext): EventRepo {
  return {
    append(event) {
      return atomically(async (trx) => {
        // SQLite's write transactions already run one at a time; PostgreSQL needs the lock so
        // that two appends never chain to the same previous row.
        if (traits.name === "postgres")
          await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
        const last = await trx
          .selectFrom("events")
          .select(["hash"])
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirst();
        // Rows from before the chain (migration 13) have no hash: the chain starts after them.
        const prev = last?.hash ?? GENESIS;
        const values = {
          at: event.at ?? clock.now(),
          actor: event.actor,
          actor_kind: event.actorKind,
          actor_id: event.actorId,
          kind: event.kind,
          target: event.target,
          detail: event.detail === null ? null : JSON.stringify(event.detail),
        };
        const row = await trx
          .insertInto("events")
          .values({ ...values, prev_hash: prev, hash: eventHash(prev, values) })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toEvent(row);
      });
    },
    async list({ limit, before, kind, actorKind, actor, target, since, until }) {
      let query = db.selectFrom("events").selectAll().orderBy("id", "desc").limit(limit);
      if (before !== undefined) query = query.where("id", "<", before);
      if (kind !== undefined) {
        query = query.where((eb) =>
          eb.or([
            eb("kind", "=", kind),
            eb(eb.fn("substr", ["kind", eb.val(1), eb.val(kind.length + 1)]), "=", `${kind}.`),
          ]),
        );
      }
      if (actorKind) query = query.where("actor_kind", "=", actorKind);
      if (actor !== undefined) query = query.where("actor", "=", actor);
      if (target !== undefined) query = query.where("target", "=", target);
      if (since !== undefined) query = query.where("at", ">=", since);
      if (until !== undefined) query = query.where("at", "<", until);
      return (await query.execute()).map(toEvent);
    },
    async verifyChain() {
      let prev = GENESIS;
      let checked = 0;
      let chained = false;
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom("events")
          .selectAll()
          .where("id", ">", after)
          .orderBy("id", "asc")
          .limit(1000)
          .execute();
        for (const row of rows) {
          // Rows written before the chain existed lead the log without a hash; none may follow.
          if (!chained && row.hash === null) continue;
          chained = true;
          const problem = chainProblem(prev, row);
          if (problem) return { checked, broken: { id: Number(row.id), problem } };
          prev = row.hash!;
          checked++;
        }
        if (rows.length < 1000) return { checked, broken: null };
        after = Number(rows.at(-1)!.id);
      }
    },
  };
}
