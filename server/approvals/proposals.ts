import { randomUUID } from "node:crypto";
import { authorize } from "../auth/authorize";
import { actorId, type Actor, type AgentActor } from "../contract/actor";
import type { AgentToken, ToolName } from "../contract/agents";
import type {
  Proposal,
  ProposalContext,
  ProposalPayload,
  ProposalResult,
  ProposalState,
} from "../contract/proposals";
import { DattoError } from "../datto/gateway/datto-error";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { refusal, type Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";
import { isWritesPaused } from "../settings/pausable-gateway";
import type { ProposalRecord } from "../store/port/proposal-repo";
import type { Store } from "../store/port/store";
import { agentActorOf } from "../agents/agent-token-resolver";
import { proposalDigest } from "./proposal-digest";
import { isFinalJobStatus, type ProposalActions } from "./proposal-actions";

/** The system as a decider (policy Auto): recorded by this name, never a person. */
const AUTO_APPROVER = "policy:auto";
const DECIDED: readonly ProposalState[] = [
  "approved",
  "rejected",
  "expired",
  "executing",
  "succeeded",
  "failed",
  "outcome_unknown",
  "planned",
];

export type ProposalDeps = {
  store: Store;
  clock: Clock;
  logger: Logger;
  live: LiveBus;
  actions: ProposalActions;
  settings: {
    writesPaused(): Promise<boolean>;
    read(): Promise<{ proposalTtlMinutes: number; proposalWebhookUrl: string | null }>;
  };
  /**
   * Everything checked again right before sending: null when it may run, else why not. Given the
   * token as it stands now (null: deleted) and the proposal.
   */
  recheck(proposal: ProposalRecord, token: AgentToken | null): Promise<string | null>;
  /**
   * When what the proposal asks for already holds in Datto (an alert resolved meanwhile, by Datto
   * itself once a clean-up freed the disk): a message, and nothing is sent. Null otherwise.
   */
  alreadyDone?(proposal: ProposalRecord): Promise<string | null>;
  /** Tells an incoming webhook (Slack/Teams format) about a new proposal; errors are logged. */
  notify?: (url: string, text: string) => Promise<void>;
};

export type NewProposalInput = {
  tool: ToolName;
  payload: ProposalPayload;
  reason: string;
  risks: string[];
  context: ProposalContext;
};

const toPublic = ({ decidedById: _omit, ...p }: ProposalRecord): Proposal => p;

/** What a planned (test-mode) write would have sent to Datto. */
function plannedRequest(p: ProposalPayload, agent: string): ProposalResult {
  const message =
    p.action === "run-quickjob"
      ? `Test mode: would send PUT /v2/device/${p.deviceUid}/quickjob ${JSON.stringify({
          jobName: `${p.componentName} (RMM Deck: agent ${agent}, approved by <approver>)`,
          jobComponent: {
            componentUid: p.componentUid,
            variables: Object.entries(p.variables).map(([name, value]) => ({ name, value })),
          },
        })}`
      : `Test mode: would send POST /v2/alert/${p.alertUid}/resolve`;
  return { jobUid: null, jobName: null, devices: [], message };
}

/**
 * Proposals: an agent's writes waiting for a person, and their one execution (decision 0023).
 * Every state change is a conditional UPDATE whose row count decides, with its audit event in the
 * same transaction: two approvers, two processes, or a restart never run one proposal twice.
 */
export function createProposals(deps: ProposalDeps) {
  const { store, clock, logger, live, actions, settings } = deps;
  const publish = (kind: string, id: string) =>
    live.publish({ topic: "proposals", kind, id, at: clock.now() });

  /** One state change and its event, atomically; true when this call made it. */
  async function move(
    p: ProposalRecord,
    actor: Actor | null,
    from: readonly ProposalState[],
    to: ProposalState,
    change: Parameters<Store["proposals"]["transition"]>[3] = {},
    where: Parameters<Store["proposals"]["transition"]>[4] = {},
    detail: Record<string, unknown> = {},
  ): Promise<boolean> {
    const moved = await store.transaction(async (tx) => {
      if (!(await tx.proposals.transition(p.id, from, to, change, where))) return false;
      await recordEvent(tx.events, actor, {
        kind: `proposal.${to}`,
        target: p.id,
        detail: { tool: p.tool, agent: p.agentName, ...detail },
      });
      return true;
    });
    if (moved) publish(to, p.id);
    return moved;
  }

  async function expireDue(): Promise<void> {
    const now = clock.now();
    for (const id of await store.proposals.expireDue(now)) {
      await recordEvent(store.events, null, { kind: "proposal.expired", target: id, detail: null });
      publish("expired", id);
    }
  }

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

  async function notifyNew(p: ProposalRecord) {
    if (!deps.notify) return;
    const { proposalWebhookUrl } = await settings.read();
    if (!proposalWebhookUrl) return;
    const what =
      p.payload.action === "run-quickjob"
        ? `run "${p.payload.componentName}" on ${p.context.device?.hostname ?? p.payload.deviceUid}`
        : `resolve the alert "${p.context.alert?.summary ?? p.payload.alertUid}"`;
    const text = `RMM Deck: agent ${p.agentName} proposes to ${what}. Reason: ${p.reason}${p.risks.length ? ` Risks: ${p.risks.join("; ")}.` : ""} Decide in the approval queue.`;
    deps.notify(proposalWebhookUrl, text).catch((error: unknown) =>
      logger.warn("proposal webhook failed", {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  return {
    /**
     * An agent's write: pending for a person, planned in test mode, or approved by policy Auto
     * and run at once. Answers at once with the proposal (never waits for a person).
     */
    async propose(
      agent: AgentActor,
      token: AgentToken,
      input: NewProposalInput,
      policy: "auto" | "approval",
    ): Promise<Proposal> {
      await expireDue();
      const now = clock.now();
      const { proposalTtlMinutes } = await settings.read();
      const digest = proposalDigest(input.tool, input.payload);
      const { proposal, merged } = await store.transaction(async (tx) => {
        const created = await tx.proposals.createOrMerge(
          {
            id: randomUUID(),
            tool: input.tool,
            tokenId: token.id,
            agentName: token.name,
            reason: input.reason,
            risks: input.risks,
            payload: input.payload,
            digest,
            context: input.context,
            testMode: token.testMode,
            createdAt: now,
            expiresAt: now + proposalTtlMinutes * 60_000,
            state: token.testMode ? "planned" : "pending",
          },
          now,
        );
        if (created.merged) return created;
        if (token.testMode) {
          await tx.proposals.transition(created.proposal.id, ["planned"], "planned", {
            result: plannedRequest(input.payload, token.name),
            finishedAt: now,
          });
        }
        await recordEvent(tx.events, agent, {
          kind: token.testMode ? "proposal.planned" : "proposal.created",
          target: created.proposal.id,
          detail: {
            tool: input.tool,
            payload: input.payload,
            digest,
            reason: input.reason,
            policy,
          },
        });
        return created;
      });
      if (merged) return toPublic(proposal);
      publish(token.testMode ? "planned" : "created", proposal.id);
      if (!token.testMode && policy === "auto") {
        await move(
          proposal,
          null,
          ["pending"],
          "approved",
          { decidedBy: AUTO_APPROVER, decidedAt: clock.now(), comment: "Tool policy: Auto" },
          { digest },
        );
        await execute(proposal.id);
      } else if (!token.testMode) {
        void notifyNew(proposal);
      }
      return toPublic((await store.proposals.find(proposal.id)) ?? proposal);
    },

    /** Approve or reject, by a person who may decide and did not propose it. */
    async decide(
      actor: Actor,
      id: string,
      decision: "approve" | "reject",
      input: { comment?: string | undefined; digest?: string | undefined },
    ): Promise<Outcome<{ proposal: Proposal }>> {
      const denied = authorize(actor, "proposals:decide");
      if (denied) return denied;
      if (actor.kind !== "person") {
        return refusal(
          "forbidden",
          "forbidden",
          "Only a person can decide a proposal; agents never do.",
        );
      }
      await expireDue();
      const p = await store.proposals.find(id);
      if (!p) return refusal("not-found", "proposal_not_found", "No such proposal.");
      if (actorId(actor) === p.tokenId) {
        return refusal(
          "forbidden",
          "proposer_cannot_decide",
          "Whoever proposed an action cannot decide it.",
        );
      }
      const digest = input.digest ?? p.digest;
      const to = decision === "approve" ? "approved" : "rejected";
      const moved = await move(
        p,
        actor,
        ["pending"],
        to,
        {
          decidedBy: actor.username,
          decidedById: actor.userId,
          decidedAt: clock.now(),
          comment: input.comment ?? null,
        },
        { digest, expiresAfter: clock.now() },
        { digest, ...(input.comment ? { comment: input.comment } : {}) },
      );
      if (!moved) {
        const now = await store.proposals.find(id);
        if (!now) return refusal("not-found", "proposal_not_found", "No such proposal.");
        if (now.digest !== digest) {
          return refusal(
            "conflict",
            "digest_mismatch",
            "The proposal is not the one you saw (its payload differs). Reload it and decide again.",
          );
        }
        if (now.state === "pending" && now.expiresAt <= clock.now()) {
          await expireDue();
          return refusal(
            "conflict",
            "proposal_expired",
            "This proposal expired before it was decided; the agent must propose it again.",
          );
        }
        return refusal(
          "conflict",
          "already_decided",
          `This proposal is already ${now.state.replace("_", " ")}${now.decidedBy ? ` (decided by ${now.decidedBy})` : ""}.`,
          { proposal: toPublic(now) },
        );
      }
      const after = to === "approved" ? await execute(id) : await store.proposals.find(id);
      return { ok: true, proposal: toPublic(after ?? p) };
    },

    execute: async (id: string) => {
      const p = await execute(id);
      return p && toPublic(p);
    },

    /** A person who may decide sees every proposal; an agent only its own. */
    async get(actor: Actor, id: string): Promise<Outcome<{ proposal: Proposal }>> {
      const p = await store.proposals.find(id);
      const mine = actor.kind === "agent" && p?.tokenId === actor.tokenId;
      if (!p || (!mine && authorize(actor, "proposals:decide"))) {
        return refusal(
          "not-found",
          "proposal_not_found",
          `No proposal ${id} of yours. Use the proposalId a write tool answered with.`,
        );
      }
      return { ok: true, proposal: toPublic(await withJobProgress(p)) };
    },

    async list(
      actor: Actor,
      query: { state?: ProposalState | "decided" | undefined; limit?: number | undefined },
    ): Promise<Outcome<{ proposals: Proposal[]; pending: number }>> {
      const denied = authorize(actor, "proposals:decide");
      if (denied) return denied;
      await expireDue();
      const states = query.state === "decided" ? DECIDED : query.state ? [query.state] : undefined;
      const [rows, pending] = await Promise.all([
        store.proposals.list({ ...(states ? { states } : {}), limit: query.limit ?? 100 }),
        store.proposals.count(["pending"]),
      ]);
      return { ok: true, proposals: rows.map(toPublic), pending };
    },

    /**
     * After a restart: a proposal found executing may or may not have reached Datto. It becomes
     * outcome unknown and is never sent again. Run once at start, by the instance that holds the
     * data folder (server/store/instance-lock.ts).
     */
    async recover(): Promise<string[]> {
      const ids = await store.proposals.idsIn("executing");
      for (const id of ids) {
        const p = await store.proposals.find(id);
        if (!p) continue;
        await move(p, null, ["executing"], "outcome_unknown", {
          error:
            "The server stopped while this was being sent to Datto: it may or may not have run. Check in Datto before proposing it again.",
          finishedAt: clock.now(),
        });
      }
      return ids;
    },

    /** Expires what is due and runs approved proposals (those that waited out a pause). */
    async tick(): Promise<void> {
      await expireDue();
      if (await settings.writesPaused()) return;
      for (const id of await store.proposals.idsIn("approved")) await execute(id);
    },
  };
}

export type Proposals = ReturnType<typeof createProposals>;
