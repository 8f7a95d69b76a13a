import type { Selectable } from "kysely";
import { fullGroups, GroupsSchema, type AgentToken } from "../../contract/agents";
import type { AgentTokenRepo } from "../port/agent-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

const toToken = (row: Selectable<Database["agent_tokens"]>): AgentToken => ({
  id: row.id,
  name: row.name,
  hint: row.hint,
  groups: fullGroups(GroupsSchema.parse(JSON.parse(row.groups))),
  testMode: row.test_mode === 1,
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
  expiresAt: row.expires_at === null ? null : Number(row.expires_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
});

export function createAgentTokenRepo({ db }: RepoContext): AgentTokenRepo {
  const byId = (id: string) => db.selectFrom("agent_tokens").selectAll().where("id", "=", id);
  return {
    async create(t) {
      const row = await db
        .insertInto("agent_tokens")
        .values({
          id: t.id,
          name: t.name,
          token_hash: t.tokenHash,
          hint: t.hint,
          groups: JSON.stringify(t.groups),
          test_mode: t.testMode ? 1 : 0,
          created_at: t.createdAt,
          created_by: t.createdBy,
          expires_at: t.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async list() {
      return (
        await db.selectFrom("agent_tokens").selectAll().orderBy("created_at", "desc").execute()
      ).map(toToken);
    },
    async find(id) {
      const row = await byId(id).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom("agent_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async update(id, changes) {
      const set: Partial<Selectable<Database["agent_tokens"]>> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.groups !== undefined) set.groups = JSON.stringify(changes.groups);
      if (changes.testMode !== undefined) set.test_mode = changes.testMode ? 1 : 0;
      if (changes.expiresAt !== undefined) set.expires_at = changes.expiresAt;
      const row = await db
        .updateTable("agent_tokens")
        .set(set)
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .returningAll()
        .executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async revoke(id, at) {
      const result = await db
        .updateTable("agent_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async touch(id, at) {
      await db.updateTable("agent_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
    },
  };
}
