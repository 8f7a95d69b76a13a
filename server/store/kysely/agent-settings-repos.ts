import { ToolNameSchema, ToolPolicySchema } from "../../contract/agents";
import type { SettingsRepo, ToolPolicyRepo } from "../port/agent-repos";
import type { RepoContext } from "./repo-context";

export function createToolPolicyRepo({ db }: RepoContext): ToolPolicyRepo {
  return {
    async list() {
      const rows = await db.selectFrom("tool_policies").selectAll().execute();
      // A tool that no longer exists (renamed in a later version) is skipped, not an error.
      return rows.flatMap((row) => {
        const tool = ToolNameSchema.safeParse(row.tool);
        const policy = ToolPolicySchema.safeParse(row.policy);
        return tool.success && policy.success
          ? [
              {
                tool: tool.data,
                policy: policy.data,
                updatedAt: Number(row.updated_at),
                updatedBy: row.updated_by,
              },
            ]
          : [];
      });
    },
    async set(tool, policy, at, by) {
      await db
        .insertInto("tool_policies")
        .values({ tool, policy, updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc.column("tool").doUpdateSet({ policy, updated_at: at, updated_by: by }),
        )
        .execute();
    },
  };
}

export function createSettingsRepo({ db }: RepoContext): SettingsRepo {
  return {
    async get(key) {
      const row = await db
        .selectFrom("settings")
        .selectAll()
        .where("key", "=", key)
        .executeTakeFirst();
      return row
        ? {
            value: JSON.parse(row.value) as unknown,
            updatedAt: Number(row.updated_at),
            updatedBy: row.updated_by,
          }
        : null;
    },
    async set(key, value, at, by) {
      const text = JSON.stringify(value);
      await db
        .insertInto("settings")
        .values({ key, value: text, updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: text, updated_at: at, updated_by: by }),
        )
        .execute();
    },
  };
}
