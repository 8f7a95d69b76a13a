import type { AgentActor } from "../contract/actor";
import type { DattoApi } from "../datto/api/create-datto-api";

/** Who asked and who approved: both go into the job's name, so Datto's own logs show them. */
export type Requested = { requester: AgentActor; approvedBy: string };

export type JobDeviceStatus = { status: string; stdout: string | null; stderr: string | null };

/**
 * The writes an approved proposal performs. The executor depends on this small port only, so the
 * alert queue's resolveAlerts and the job launcher's launchJob plug in behind it (compose.ts).
 */
export interface ProposalActions {
  runQuickJob(
    input: Requested & {
      deviceUid: string;
      componentUid: string;
      componentName: string;
      variables: Record<string, string>;
      /** The proposal id: the same proposal never launches twice. */
      idempotencyKey: string;
    },
  ): Promise<{ runId: string | null; jobUid: string | null; jobName: string }>;
  resolveAlert(input: Requested & { alertUid: string }): Promise<void>;
  /** A job's state on one device and, once it ran, its output (read as the requesting agent). */
  jobStatus(
    ref: { runId: string | null; jobUid: string | null },
    deviceUid: string,
    reader: AgentActor,
  ): Promise<JobDeviceStatus>;
}

export const jobNameFor = (componentName: string, r: Requested) =>
  `${componentName} (RMM Deck: agent ${r.requester.name}, approved by ${r.approvedBy})`.slice(
    0,
    200,
  );

/** Datto's final deployment states, and the job launcher's own ends (never sent, unknown). */
const FINAL = new Set([
  "Success",
  "Warning",
  "Failure",
  "Expired",
  "Retired",
  "outcome-unknown",
  "not-sent",
]);
export const isFinalJobStatus = (status: string) => FINAL.has(status);

/** Reads a job's result and output for one device (Datto has no job list: we keep the uid). */
export async function readJobStatus(
  datto: DattoApi,
  jobUid: string,
  deviceUid: string,
): Promise<JobDeviceStatus> {
  const read = { priority: "interactive" as const, maxAgeMs: 5_000 };
  const results = (await datto.getJobResults(jobUid, deviceUid, read)).data;
  const status = results.jobDeploymentStatus ?? "Pending";
  if (!isFinalJobStatus(status)) return { status, stdout: null, stderr: null };
  const components = results.componentResults ?? [];
  const join = (parts: Array<{ stdData?: string | null }>) =>
    parts.map((p) => p.stdData ?? "").join("\n") || null;
  const stdout = components.some((c) => c.hasStdOut)
    ? join((await datto.getJobStdout(jobUid, deviceUid, read)).data)
    : null;
  const stderr = components.some((c) => c.hasStdErr)
    ? join((await datto.getJobStderr(jobUid, deviceUid, read)).data)
    : null;
  return { status, stdout, stderr };
}
