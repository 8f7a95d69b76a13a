import type { Selectable } from "kysely";
import {
  ProposalContextSchema,
  ProposalPayloadSchema,
  ProposalResultSchema,
  ProposalStateSchema,
} from "../../contract/proposals";
import type { ProposalChange, ProposalRecord, ProposalRepo } from "../port/proposal-repo";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

type Row = Selectable<Database["proposals"]>;
const num = (v: number | null) => (v === null ? null : Number(v));

const toProposal = (row: Row): ProposalRecord => ({
  id: row.id,
  tool: row.tool,
  state: ProposalStateSchema.parse(row.state),
  tokenId: row.token_id,
  agentName: row.agent_name,
  reason: row.reason,
  risks: JSON.parse(row.risks) as string[],
  payload: ProposalPayloadSchema.parse(JSON.parse(row.payload)),
  digest: row.digest,
  context: ProposalContextSchema.parse(JSON.parse(row.context)),
  testMode: row.test_mode === 1,
  requests: Number(row.requests),
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  decidedBy: row.decided_by,
  decidedById: row.decided_by_id,
  decidedAt: num(row.decided_at),
  comment: row.comment,
  startedAt: num(row.started_at),
  finishedAt: num(row.finished_at),
  result: row.result === null ? null : ProposalResultSchema.parse(JSON.parse(row.result)),
  error: row.error,
});

function columnsOf(change: ProposalChange): Partial<Row> {
  const set: Partial<Row> = {};
  if (change.decidedBy !== undefined) set.decided_by = change.decidedBy;
  if (change.decidedById !== undefined) set.decided_by_id = change.decidedById;
  if (change.decidedAt !== undefined) set.decided_at = change.decidedAt;
  if (change.comment !== undefined) set.comment = change.comment;
  if (change.startedAt !== undefined) set.started_at = change.startedAt;
  if (change.finishedAt !== undefined) set.finished_at = change.finishedAt;
  if (change.result !== undefined)
    set.result = change.result === null ? null : JSON.stringify(change.result);
  if (change.error !== undefined) set.error = change.error;
  return set;
}

export function createProposalRepo({ db, traits, atomically }: RepoContext): ProposalRepo {
  const find = async (id: string) => {
    const row = await db
      .selectFrom("proposals")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toProposal(row) : null;
  };
  return {
    createOrMerge(p, now) {
      return atomically(async (trx) => {
        if (p.state === "pending") {
          // An identical request past its expiry is not merged into: it expires first.
          await trx
            .updateTable("proposals")
            .set({ state: "expired" })
            .where("token_id", "=", p.tokenId)
            .where("digest", "=", p.digest)
            .where("state", "=", "pending")
            .where("expires_at", "<=", now)
            .execute();
          const existing = await trx
            .selectFrom("proposals")
            .selectAll()
            .where("token_id", "=", p.tokenId)
            .where("digest", "=", p.digest)
            .where("state", "=", "pending")
            .$if(traits.rowLocks, (q) => q.forUpdate())
            .executeTakeFirst();
          if (existing) {
            const row = await trx
              .updateTable("proposals")
              .set((eb) => ({ requests: eb("requests", "+", 1) }))
              .where("id", "=", existing.id)
              .returningAll()
              .executeTakeFirstOrThrow();
            return { proposal: toProposal(row), merged: true };
          }
        }
        const row = await trx
          .insertInto("proposals")
          .values({
            id: p.id,
            tool: p.tool,
            token_id: p.tokenId,
            agent_name: p.agentName,
            reason: p.reason,
            risks: JSON.stringify(p.risks),
            payload: JSON.stringify(p.payload),
            digest: p.digest,
            context: JSON.stringify(p.context),
            test_mode: p.testMode ? 1 : 0,
            state: p.state,
            requests: 1,
            created_at: p.createdAt,
            expires_at: p.expiresAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { proposal: toProposal(row), merged: false };
      });
    },
    find,
    async list({ states, limit }) {
      let query = db
        .selectFrom("proposals")
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id")
        .limit(limit);
      if (states) query = query.where("state", "in", [...states]);
      return (await query.execute()).map(toProposal);
    },
    async count(states) {
      const row = await db
        .selectFrom("proposals")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("state", "in", [...states])
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async transition(id, from, to, change = {}, where = {}) {
      let query = db
        .updateTable("proposals")
        .set({ ...columnsOf(change), state: to })
        .where("id", "=", id)
        .where("state", "in", [...from]);
      if (where.digest !== undefined) query = query.where("digest", "=", where.digest);
      if (where.expiresAfter !== undefined)
        query = query.where("expires_at", ">", where.expiresAfter);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async expireDue(now) {
      const rows = await db
        .updateTable("proposals")
        .set({ state: "expired" })
        .where("state", "in", ["pending", "approved"])
        .where("expires_at", "<=", now)
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },
    async idsIn(state) {
      const rows = await db
        .selectFrom("proposals")
        .select("id")
        .where("state", "=", state)
        .orderBy("created_at", "asc")
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
