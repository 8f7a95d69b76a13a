import type { JobRunSummary, RunState, TargetStatus } from "../../contract/jobs";

export type JobVariable = { name: string; value: string };

export type NewJobRun = {
  id: string;
  requester: string;
  requesterKind: string;
  requesterId: string | null;
  /** One key per caller (actorKey): idempotency keys are unique per caller. */
  requesterKey: string;
  approvedBy: string | null;
  componentUid: string;
  componentName: string;
  jobName: string;
  variables: JobVariable[];
  idempotencyKey: string;
  /** A digest of what was asked: the same key with another request is refused. */
  requestHash: string;
  targets: Array<{ deviceUid: string; hostname: string; siteUid: string; siteName: string }>;
};

export type StoredJobRun = JobRunSummary & {
  variables: JobVariable[];
  requesterKind: string;
  requesterId: string | null;
  requestHash: string;
};

export type StoredJobTarget = {
  runId: string;
  deviceUid: string;
  position: number;
  hostname: string;
  siteUid: string;
  siteName: string;
  status: TargetStatus;
  dattoJobUid: string | null;
  detail: string | null;
  sentAt: number | null;
  ranOn: number | null;
  finishedAt: number | null;
  warnings: number | null;
  hasStdout: boolean;
  hasStderr: boolean;
  stdout: string | null;
  stderr: string | null;
  outputFetched: boolean;
};

export type TargetPatch = Partial<
  Pick<
    StoredJobTarget,
    | "status"
    | "dattoJobUid"
    | "detail"
    | "sentAt"
    | "ranOn"
    | "finishedAt"
    | "warnings"
    | "hasStdout"
    | "hasStderr"
    | "stdout"
    | "stderr"
    | "outputFetched"
  >
>;

export type JobRunFilter = {
  state?: RunState;
  /** Runs with at least one target in a problem status. */
  problems?: boolean;
  requester?: string;
  /** Part of the component's name, case-insensitive. */
  component?: string;
  deviceUid?: string;
  siteUid?: string;
  before?: number;
  limit: number;
};

export type CreateOnceResult =
  { created: true; run: StoredJobRun } | { created: false; run: StoredJobRun };

/**
 * Every job run started through RMM Deck and its targets (one per device). A run's counts and
 * state follow from its targets: each target update recomputes them in the same transaction.
 */
export interface JobRunRepo {
  /** Stores the run with its targets queued, or answers the run this requester's key already made. */
  createOnce(run: NewJobRun): Promise<CreateOnceResult>;
  get(id: string): Promise<{ run: StoredJobRun; targets: StoredJobTarget[] } | null>;
  /** Newest first. */
  list(filter: JobRunFilter): Promise<StoredJobRun[]>;
  /** Changes one target and answers its run with the new counts; null when there is no such target. */
  updateTarget(runId: string, deviceUid: string, patch: TargetPatch): Promise<StoredJobRun | null>;
  /** Targets in these statuses, oldest run first (the tracker's and the dispatcher's restart). */
  targetsIn(statuses: readonly TargetStatus[]): Promise<StoredJobTarget[]>;
  /** Targets that ended in one of `statuses` at or after `sinceMs`, newest first, with their run. */
  endedSince(
    sinceMs: number,
    statuses: readonly TargetStatus[],
    limit: number,
  ): Promise<Array<{ run: StoredJobRun; target: StoredJobTarget }>>;
}
