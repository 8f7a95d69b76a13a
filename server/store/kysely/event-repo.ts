import type { Selectable } from "kysely";
import { AuditEventSchema, type AuditEvent } from "../../contract/users";
import type { EventRepo } from "../port/event-repo";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

const DetailSchema = AuditEventSchema.shape.detail;
const ActorKindSchema = AuditEventSchema.shape.actorKind;

export const toEvent = (row: Selectable<Database["events"]>): AuditEvent => ({
  id: Number(row.id),
  at: row.at,
  actor: row.actor,
  actorKind: ActorKindSchema.parse(row.actor_kind),
  actorId: row.actor_id,
  kind: row.kind,
  target: row.target,
  detail: row.detail === null ? null : DetailSchema.parse(JSON.parse(row.detail)),
});

/** Append-only: there is deliberately no update or delete. */
export function createEventRepo({ db, clock }: RepoContext): EventRepo {
  return {
    async append(event) {
      const row = await db
        .insertInto("events")
        .values({
          at: event.at ?? clock.now(),
          actor: event.actor,
          actor_kind: event.actorKind,
          actor_id: event.actorId,
          kind: event.kind,
          target: event.target,
          detail: event.detail === null ? null : JSON.stringify(event.detail),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEvent(row);
    },
    async list({ limit, before }) {
      let query = db.selectFrom("events").selectAll().orderBy("id", "desc").limit(limit);
      if (before !== undefined) query = query.where("id", "<", before);
      return (await query.execute()).map(toEvent);
    },
  };
}
