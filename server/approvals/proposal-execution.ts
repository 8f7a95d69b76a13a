import type { AgentActor } from "../contract/actor";
import type { ProposalResult } from "../contract/proposals";
import { DattoError } from "../datto/gateway/datto-error";
import { isWritesPaused } from "../settings/pausable-gateway";
import type { ProposalRecord } from "../store/port/proposal-repo";
import { agentActorOf } from "../agents/agent-token-resolver";
import { isFinalJobStatus } from "./proposal-actions";
import type { ProposalMoves } from "./proposal-moves";
import type { ProposalDeps } from "./proposals";

/**
 * A proposal's one execution: checked again right before sending, moved to executing by exactly
 * one caller (here or in another instance), sent through the use-case, and settled truthfully:
 * succeeded, failed, back to approved while writes are paused, or outcome unknown.
 */
export function createProposalExecution(deps: ProposalDeps, moves: ProposalMoves) {
  const { store, clock, logger, actions, settings } = deps;
  const { move } = moves;

  /** Runs an approved proposal, once; a no-op for any other state, and while writes are paused. */
  async function execute(id: string): Promise<ProposalRecord | null> {
    const p = await store.proposals.find(id);
    if (!p || p.state !== "approved") return p;
    if (await settings.writesPaused()) return p;
    if (p.expiresAt <= clock.now()) {
      await move(p, null, ["approved"], "expired");
      return store.proposals.find(id);
    }
    const token = await store.agentTokens.find(p.tokenId);
    const done = (await deps.alreadyDone?.(p)) ?? null;
    if (done) {
      const result = { jobUid: null, jobName: null, devices: [], message: done };
      await move(
        p,
        null,
        ["approved"],
        "succeeded",
        { result, finishedAt: clock.now() },
        {},
        { sent: false },
      );
      return store.proposals.find(id);
    }
    const problem = await deps.recheck(p, token);
    if (problem || !token) {
      const error = problem ?? "The agent token no longer exists.";
      await move(
        p,
        null,
        ["approved"],
        "failed",
        { error, finishedAt: clock.now() },
        {},
        { error },
      );
      return store.proposals.find(id);
    }
    // The one winner: every other caller, here or in another process, finds it no longer approved.
    if (!(await move(p, null, ["approved"], "executing", { startedAt: clock.now() }))) {
      return store.proposals.find(id);
    }
    // The agent is the requester (its use-case checks its permissions), the person the approver.
    const requested = { requester: agentActorOf(token), approvedBy: p.decidedBy ?? "unknown" };
    try {
      const result = await perform(p, requested);
      await move(
        p,
        null,
        ["executing"],
        "succeeded",
        { result, finishedAt: clock.now() },
        {},
        {
          ...(result.jobUid ? { jobUid: result.jobUid } : {}),
        },
      );
    } catch (error) {
      if (isWritesPaused(error)) {
        // Nothing was sent: it waits, approved, until writes resume.
        await move(p, null, ["executing"], "approved", { startedAt: null });
      } else if (error instanceof DattoError && error.outcomeUnknown) {
        const message = `${error.message} Datto may or may not have done it: check in Datto before proposing it again.`;
        await move(p, null, ["executing"], "outcome_unknown", {
          error: message,
          finishedAt: clock.now(),
        });
      } else {
        const message =
          error instanceof DattoError ? error.message : "The write failed; the error was logged.";
        if (!(error instanceof DattoError))
          logger.error("proposal execution failed", { id, error: String(error) });
        await move(
          p,
          null,
          ["executing"],
          "failed",
          { error: message, finishedAt: clock.now() },
          {},
          { error: message },
        );
      }
    }
    return store.proposals.find(id);
  }

  async function perform(
    p: ProposalRecord,
    requested: { requester: AgentActor; approvedBy: string },
  ): Promise<ProposalResult> {
    const payload = p.payload;
    if (payload.action === "resolve-alert") {
      await actions.resolveAlert({ ...requested, alertUid: payload.alertUid });
      return {
        jobUid: null,
        jobName: null,
        devices: [],
        message: "The alert was resolved in Datto.",
      };
    }
    const job = await actions.runQuickJob({
      ...requested,
      deviceUid: payload.deviceUid,
      componentUid: payload.componentUid,
      componentName: payload.componentName,
      variables: payload.variables,
      idempotencyKey: p.id,
    });
    return {
      runId: job.runId,
      jobUid: job.jobUid,
      jobName: job.jobName,
      devices: [{ deviceUid: payload.deviceUid, status: "Pending", stdout: null, stderr: null }],
      message: "The quick job was created in Datto.",
    };
  }

  /** A job's progress and output, read while it has not finished, kept once it has. */
  async function withJobProgress(p: ProposalRecord): Promise<ProposalRecord> {
    const result = p.result;
    if (
      p.state !== "succeeded" ||
      (!result?.jobUid && !result?.runId) ||
      result.devices.every((d) => isFinalJobStatus(d.status))
    ) {
      return p;
    }
    const token = await store.agentTokens.find(p.tokenId);
    if (!token) return p;
    const ref = { runId: result.runId ?? null, jobUid: result.jobUid };
    try {
      const devices = await Promise.all(
        result.devices.map(async (d) =>
          isFinalJobStatus(d.status)
            ? d
            : {
                deviceUid: d.deviceUid,
                ...(await actions.jobStatus(ref, d.deviceUid, agentActorOf(token))),
              },
        ),
      );
      const updated = { ...result, devices };
      if (devices.every((d) => isFinalJobStatus(d.status))) {
        await store.proposals.transition(p.id, ["succeeded"], "succeeded", { result: updated });
      }
      return { ...p, result: updated };
    } catch (error) {
      if (!(error instanceof DattoError)) throw error;
      return p; // Datto unavailable: the last known state stands.
    }
  }

  return { execute, withJobProgress };
}
