import { DATTO_FINAL_STATUSES, type TargetStatus } from "../contract/jobs";
import type { StoredJobTarget } from "../store/port/job-run-repo";

const FIRST_POLL_MS = 5_000;
export const MIN_BACKOFF_MS = 10_000;

/** One target the job tracker follows, and when it reads it next. */
export type Item = {
  runId: string;
  deviceUid: string;
  jobUid: string;
  /** "status": poll the result; "output": the run is final and flagged output, fetch it once. */
  kind: "status" | "output";
  status: TargetStatus;
  nextAt: number;
  intervalMs: number;
  lastPolledAt: number;
  stdout: boolean;
  stderr: boolean;
};

/** A target just sent: Datto is asked about it after FIRST_POLL_MS. */
export const sentItem = (runId: string, deviceUid: string, jobUid: string, now: number): Item => ({
  runId,
  deviceUid,
  jobUid,
  kind: "status",
  status: "Pending",
  nextAt: now + FIRST_POLL_MS,
  intervalMs: MIN_BACKOFF_MS,
  lastPolledAt: now,
  stdout: false,
  stderr: false,
});

/** A stored target still to follow (its status, or its flagged output), due now; null otherwise. */
export function storedItem(t: StoredJobTarget, now: number): Item | null {
  if (!t.dattoJobUid) return null;
  const final = DATTO_FINAL_STATUSES.includes(t.status);
  if (final && (t.outputFetched || (!t.hasStdout && !t.hasStderr))) return null;
  return {
    runId: t.runId,
    deviceUid: t.deviceUid,
    jobUid: t.dattoJobUid,
    kind: final ? "output" : "status",
    status: t.status,
    nextAt: now,
    intervalMs: MIN_BACKOFF_MS,
    lastPolledAt: 0,
    stdout: t.hasStdout,
    stderr: t.hasStderr,
  };
}
