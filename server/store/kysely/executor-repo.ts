import type { ExecutionKind, ExecutorRepo } from "../port/executor-repo";
import { executorLeaseName } from "../port/executor-repo";
import type { RepoContext } from "./repo-context";

const TABLE = { "job-run": "job_runs", proposal: "proposals" } as const;
const CHUNK = 500;

const chunks = <T>(items: readonly T[]) => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

/** The executor column of job_runs and proposals (migration 18), and the executors' leases. */
export function createExecutorRepo({ db }: RepoContext): ExecutorRepo {
  const table = (kind: ExecutionKind) => TABLE[kind];
  return {
    async claim(kind, id, executorId) {
      // One conditional UPDATE: of two instances claiming at once, the database lets one win.
      const result = await db
        .updateTable(table(kind))
        .set({ executor_id: executorId })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("executor_id", "is", null), eb("executor_id", "=", executorId)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async record(kind, id, executorId) {
      await db
        .updateTable(table(kind))
        .set({ executor_id: executorId })
        .where("id", "=", id)
        .execute();
    },
    async executorsOf(kind, ids) {
      const out = new Map<string, string | null>();
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom(table(kind))
          .select(["id", "executor_id"])
          .where("id", "in", part)
          .execute();
        for (const row of rows) out.set(row.id, row.executor_id);
      }
      return out;
    },
    async live(executorIds, now) {
      const out = new Set<string>();
      for (const part of chunks([...new Set(executorIds)])) {
        const rows = await db
          .selectFrom("instance_leases")
          .select("holder_id")
          .where("name", "in", part.map(executorLeaseName))
          .where("expires_at", ">", now)
          .execute();
        for (const row of rows) {
          if (part.includes(row.holder_id)) out.add(row.holder_id);
        }
      }
      return out;
    },
  };
}
