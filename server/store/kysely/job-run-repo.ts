import { sql, type Kysely } from "kysely";
import type { JobRunRepo, StoredJobRun, StoredJobTarget, TargetPatch } from "../port/job-run-repo";
import type { Database } from "./database";
import { recount } from "./job-run-recount";
import { PATCH_COLUMNS, toRun, toTarget } from "./job-run-rows";
import type { RepoContext } from "./repo-context";

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createJobRunRepo({ db, clock, atomically }: RepoContext): JobRunRepo {
  const getRun = async (executor: Kysely<Database>, id: string) => {
    const row = await executor
      .selectFrom("job_runs")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toRun(row) : null;
  };
  return {
    createOnce: (run) =>
      atomically(async (trx) => {
        const existing = await trx
          .selectFrom("job_runs")
          .selectAll()
          .where("requester_key", "=", run.requesterKey)
          .where("idempotency_key", "=", run.idempotencyKey)
          .executeTakeFirst();
        if (existing) return { created: false, run: toRun(existing) };
        const now = clock.now();
        await trx
          .insertInto("job_runs")
          .values({
            id: run.id,
            created_at: now,
            updated_at: now,
            requester: run.requester,
            requester_kind: run.requesterKind,
            requester_id: run.requesterId,
            requester_key: run.requesterKey,
            approved_by: run.approvedBy,
            component_uid: run.componentUid,
            component_name: run.componentName,
            job_name: run.jobName,
            variables: JSON.stringify(run.variables),
            idempotency_key: run.idempotencyKey,
            request_hash: run.requestHash,
            state: "dispatching",
            target_count: run.targets.length,
            final_count: 0,
            problem_count: 0,
            counts: JSON.stringify({ queued: run.targets.length }),
            first_hostname: run.targets[0]?.hostname ?? null,
            finished_at: null,
          })
          .execute();
        for (let i = 0; i < run.targets.length; i += 200) {
          await trx
            .insertInto("job_targets")
            .values(
              run.targets.slice(i, i + 200).map((t, k) => ({
                run_id: run.id,
                device_uid: t.deviceUid,
                position: i + k,
                hostname: t.hostname,
                site_uid: t.siteUid,
                site_name: t.siteName,
                status: "queued",
                datto_job_uid: null,
                detail: null,
                sent_at: null,
                ran_on: null,
                finished_at: null,
                warnings: null,
                has_stdout: 0,
                has_stderr: 0,
                stdout: null,
                stderr: null,
                output_fetched: 0,
                updated_at: now,
              })),
            )
            .execute();
        }
        return { created: true, run: (await getRun(trx, run.id))! };
      }),
    async get(id) {
      const run = await getRun(db, id);
      if (!run) return null;
      const targets = await db
        .selectFrom("job_targets")
        .selectAll()
        .where("run_id", "=", id)
        .orderBy("position")
        .execute();
      return { run, targets: targets.map(toTarget) };
    },
    async list(filter) {
      let q = db.selectFrom("job_runs").selectAll();
      if (filter.state) q = q.where("state", "=", filter.state);
      if (filter.problems) q = q.where("problem_count", ">", 0);
      if (filter.requester) q = q.where("requester", "=", filter.requester);
      if (filter.component)
        q = q.where(
          sql<boolean>`lower(component_name) like ${likePattern(filter.component)} escape '\\'`,
        );
      if (filter.before !== undefined) q = q.where("created_at", "<", filter.before);
      if (filter.deviceUid || filter.siteUid) {
        const { deviceUid, siteUid } = filter;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("job_targets")
              .select("job_targets.run_id")
              .whereRef("job_targets.run_id", "=", "job_runs.id")
              .$if(deviceUid !== undefined, (s) =>
                s.where("job_targets.device_uid", "=", deviceUid!),
              )
              .$if(siteUid !== undefined, (s) => s.where("job_targets.site_uid", "=", siteUid!)),
          ),
        );
      }
      const rows = await q
        .orderBy("created_at", "desc")
        .orderBy("id")
        .limit(filter.limit)
        .execute();
      return rows.map(toRun);
    },
    updateTarget: (runId, deviceUid, patch) =>
      atomically(async (trx) => {
        const set: Record<string, unknown> = { updated_at: clock.now() };
        for (const [key, value] of Object.entries(patch)) {
          const column = PATCH_COLUMNS[key as keyof TargetPatch];
          set[column] = typeof value === "boolean" ? (value ? 1 : 0) : value;
        }
        const result = await trx
          .updateTable("job_targets")
          .set(set)
          .where("run_id", "=", runId)
          .where("device_uid", "=", deviceUid)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return null;
        await recount(trx, runId, clock.now());
        return getRun(trx, runId);
      }),
    async targetsIn(statuses) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom("job_targets")
        .innerJoin("job_runs", "job_runs.id", "job_targets.run_id")
        .selectAll("job_targets")
        .where("job_targets.status", "in", [...statuses])
        .orderBy("job_runs.created_at")
        .orderBy("job_targets.position")
        .execute();
      return rows.map(toTarget);
    },
    async endedSince(sinceMs, statuses, limit) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom("job_targets")
        .selectAll()
        .where("status", "in", [...statuses])
        .where("finished_at", ">=", sinceMs)
        .orderBy("finished_at", "desc")
        .limit(limit)
        .execute();
      const runs = new Map<string, StoredJobRun>();
      const out: Array<{ run: StoredJobRun; target: StoredJobTarget }> = [];
      for (const row of rows) {
        let run = runs.get(row.run_id);
        if (!run) {
          run = (await getRun(db, row.run_id)) ?? undefined;
          if (!run) continue;
          runs.set(row.run_id, run);
        }
        out.push({ run, target: toTarget(row) });
      }
      return out;
    },
  };
}
