import type { Selectable } from "kysely";
import { TARGET_STATUSES, type RunState, type TargetStatus } from "../../contract/jobs";
import type { JobVariable, StoredJobRun, StoredJobTarget, TargetPatch } from "../port/job-run-repo";
import type { Database } from "./database";

/** Job runs and targets between their rows and the store port's shapes. */

export type RunRow = Selectable<Database["job_runs"]>;
export type TargetRow = Selectable<Database["job_targets"]>;

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** A stored run from its row (JSON columns read leniently: an unreadable one is empty). */
export const toRun = (r: RunRow): StoredJobRun => ({
  id: r.id,
  createdAt: Number(r.created_at),
  componentUid: r.component_uid,
  componentName: r.component_name,
  jobName: r.job_name,
  requester: r.requester,
  approvedBy: r.approved_by,
  state: r.state as RunState,
  targetCount: r.target_count,
  finalCount: r.final_count,
  problemCount: r.problem_count,
  counts: parseJson<Record<string, number>>(r.counts, {}),
  finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  firstHostname: r.first_hostname,
  variables: parseJson<JobVariable[]>(r.variables, []),
  requesterKind: r.requester_kind,
  requesterId: r.requester_id,
  requestHash: r.request_hash,
});

const num = (v: number | null) => (v === null ? null : Number(v));
const asStatus = (s: string): TargetStatus =>
  (TARGET_STATUSES as readonly string[]).includes(s) ? (s as TargetStatus) : "outcome-unknown";

/** A stored target from its row; a status this code does not know reads as outcome-unknown. */
export const toTarget = (t: TargetRow): StoredJobTarget => ({
  runId: t.run_id,
  deviceUid: t.device_uid,
  position: t.position,
  hostname: t.hostname,
  siteUid: t.site_uid,
  siteName: t.site_name,
  status: asStatus(t.status),
  dattoJobUid: t.datto_job_uid,
  detail: t.detail,
  sentAt: num(t.sent_at),
  ranOn: num(t.ran_on),
  finishedAt: num(t.finished_at),
  warnings: t.warnings,
  hasStdout: t.has_stdout === 1,
  hasStderr: t.has_stderr === 1,
  stdout: t.stdout,
  stderr: t.stderr,
  outputFetched: t.output_fetched === 1,
});

/** Each field of a target patch and its column. */
export const PATCH_COLUMNS: { [K in keyof TargetPatch]-?: keyof TargetRow } = {
  status: "status",
  dattoJobUid: "datto_job_uid",
  detail: "detail",
  sentAt: "sent_at",
  ranOn: "ran_on",
  finishedAt: "finished_at",
  warnings: "warnings",
  hasStdout: "has_stdout",
  hasStderr: "has_stderr",
  stdout: "stdout",
  stderr: "stderr",
  outputFetched: "output_fetched",
};
