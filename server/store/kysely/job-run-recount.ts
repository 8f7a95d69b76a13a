import type { Kysely } from "kysely";
import { FINAL_STATUSES, PROBLEM_STATUSES, type RunState } from "../../contract/jobs";
import type { Database } from "./database";

/** The run's counts and state, from its targets. */
export async function recount(trx: Kysely<Database>, runId: string, now: number): Promise<void> {
  const rows = await trx
    .selectFrom("job_targets")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("run_id", "=", runId)
    .groupBy("status")
    .execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = Number(r.n);
  const sum = (statuses: readonly string[]) =>
    statuses.reduce((total, s) => total + (counts[s] ?? 0), 0);
  const total = sum(Object.keys(counts));
  const final = sum(FINAL_STATUSES);
  const state: RunState =
    (counts.queued ?? 0) + (counts.sending ?? 0) > 0
      ? "dispatching"
      : final < total
        ? "running"
        : "finished";
  const run = await trx
    .selectFrom("job_runs")
    .select("finished_at")
    .where("id", "=", runId)
    .executeTakeFirst();
  await trx
    .updateTable("job_runs")
    .set({
      counts: JSON.stringify(counts),
      final_count: final,
      problem_count: sum(PROBLEM_STATUSES),
      state,
      updated_at: now,
      finished_at: state === "finished" ? (run?.finished_at ?? now) : null,
    })
    .where("id", "=", runId)
    .execute();
}
