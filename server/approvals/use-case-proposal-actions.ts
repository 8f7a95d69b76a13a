import type { Actor } from "../contract/actor";
import type { ResolveResult } from "../contract/alerts";
import { DattoError } from "../datto/gateway/datto-error";
import type { Outcome } from "../lib/outcome";
import { WRITES_PAUSED_MESSAGE } from "../settings/pausable-gateway";
import { isFinalJobStatus, type ProposalActions } from "./proposal-actions";

type ResolveAlerts = (
  actor: Actor,
  input: { alertUids: readonly string[] },
) => Promise<Outcome<{ results: ResolveResult[]; stopMessage: string | null }>>;

/**
 * An approved resolve goes through the alert queue's own use-case, as the agent (the requester;
 * the approver is on the proposal and in its audit events): the same permission check, the same
 * one-call-per-alert sharing, the same events and live hints as a technician's resolve. Its
 * answer maps onto the proposal's end states: resolved (or already resolved) succeeds, an unknown
 * outcome stays unknown, a write the kill switch held back waits approved.
 */
export function resolveThroughQueue(resolveAlerts: ResolveAlerts): ProposalActions["resolveAlert"] {
  return async ({ requester, alertUid }) => {
    const outcome = await resolveAlerts(requester, { alertUids: [alertUid] });
    if (!outcome.ok) throw new DattoError("bad-request", outcome.message, { notSent: true });
    const result = outcome.results[0];
    if (!result)
      throw new DattoError("upstream", "The alert queue answered nothing for this alert.");
    switch (result.status) {
      case "resolved":
      case "already-resolved":
        return;
      case "outcome-unknown":
        throw new DattoError("upstream", result.message, { outcomeUnknown: true });
      case "not-sent":
        if (result.message.includes(WRITES_PAUSED_MESSAGE)) {
          throw new DattoError("conflict", WRITES_PAUSED_MESSAGE, { notSent: true, status: 423 });
        }
        throw new DattoError("upstream", result.message, { notSent: true });
      default:
        throw new DattoError("upstream", result.message);
    }
  };
}

/** What the proposals need of the job launcher (server/jobs/jobs.ts), structurally. */
export type JobLauncher = {
  launchJob(
    actor: Actor,
    input: {
      componentUid: string;
      deviceUids: readonly string[];
      variables: Readonly<Record<string, string>>;
      idempotencyKey: string;
      approvedBy?: string | null;
    },
  ): Promise<Outcome<{ run: LaunchedRun }>>;
  get(actor: Actor, id: string): Promise<Outcome<{ run: LaunchedRun }>>;
  output(
    actor: Actor,
    id: string,
    deviceUid: string,
    which: "stdout" | "stderr",
  ): Promise<Outcome<{ output: { text: string | null } }>>;
};

type LaunchedRun = {
  id: string;
  jobName: string;
  targets: ReadonlyArray<{
    deviceUid: string;
    status: string;
    dattoJobUid: string | null;
    hasStdout: boolean;
    hasStderr: boolean;
  }>;
};

/**
 * An approved quick job goes through the job launcher's launchJob, as the agent with the approver
 * named (the job name carries both): its catalog, variable checks, one-PUT-per-idempotency-key
 * dispatch and history. The proposal id is the idempotency key, so a proposal launches one run.
 * Its progress and output are read back from the run.
 */
export function quickJobsThroughLauncher(
  jobs: JobLauncher,
): Pick<ProposalActions, "runQuickJob" | "jobStatus"> {
  return {
    async runQuickJob(input) {
      const launched = await jobs.launchJob(input.requester, {
        componentUid: input.componentUid,
        deviceUids: [input.deviceUid],
        variables: input.variables,
        idempotencyKey: `proposal:${input.idempotencyKey}`,
        approvedBy: input.approvedBy,
      });
      if (!launched.ok) throw new DattoError("bad-request", launched.message, { notSent: true });
      return {
        runId: launched.run.id,
        jobUid: launched.run.targets[0]?.dattoJobUid ?? null,
        jobName: launched.run.jobName,
      };
    },
    async jobStatus({ runId }, deviceUid, reader) {
      if (!runId) return { status: "Pending", stdout: null, stderr: null };
      const got = await jobs.get(reader, runId);
      const target = got.ok ? got.run.targets.find((t) => t.deviceUid === deviceUid) : undefined;
      if (!target) return { status: "Pending", stdout: null, stderr: null };
      if (!isFinalJobStatus(target.status))
        return { status: target.status, stdout: null, stderr: null };
      const text = async (which: "stdout" | "stderr") => {
        const out = await jobs.output(reader, runId, deviceUid, which);
        return out.ok ? out.output.text : null;
      };
      const stdout = target.hasStdout ? await text("stdout") : null;
      const stderr = target.hasStderr ? await text("stderr") : null;
      // The tracker fetches the output just after the end: until then, not final for us either.
      if ((target.hasStdout && stdout === null) || (target.hasStderr && stderr === null)) {
        return { status: "Fetching output", stdout: null, stderr: null };
      }
      return { status: target.status, stdout, stderr };
    },
  };
}
