import { randomUUID } from "node:crypto";
import { authorize } from "../auth/authorize";
import { actorId, type Actor, type AgentActor } from "../contract/actor";
import type { AgentToken, ToolName } from "../contract/agents";
import type {
  Proposal,
  ProposalContext,
  ProposalPayload,
  ProposalState,
} from "../contract/proposals";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { refusal, type Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";
import type { ProposalRecord } from "../store/port/proposal-repo";
import type { Store } from "../store/port/store";
import { proposalDigest } from "./proposal-digest";
import { notifyNewProposal, plannedRequest } from "./proposal-notice";
import { createProposalExecution } from "./proposal-execution";
import { createProposalMoves } from "./proposal-moves";
import { recoverProposals } from "./proposal-recovery";
import type { Settleable } from "../coord/execution-recovery";
import type { ProposalActions } from "./proposal-actions";

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
  /** This instance as an executor, recorded on the proposals it executes (decision 0030). */
  executorId?: string;
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

/**
 * Proposals: an agent's writes waiting for a person, and their one execution (decision 0023).
 * Every state change is a conditional UPDATE whose row count decides, with its audit event in the
 * same transaction: two approvers, two processes, or a restart never run one proposal twice.
 */
export function createProposals(deps: ProposalDeps) {
  const { store, clock, settings } = deps;
  const moves = createProposalMoves({
    store,
    clock,
    live: deps.live,
    executorId: deps.executorId ?? randomUUID(),
  });
  const { move, expireDue, publish } = moves;
  const { execute, withJobProgress } = createProposalExecution(deps, moves);

  const notifyNew = (p: ProposalRecord) => notifyNewProposal(p, deps);

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
     * After a restart, or another instance's death: a proposal found executing may or may not have
     * reached Datto. It becomes outcome unknown and is never sent again. Only those `settleable`
     * names (their executor is gone: decision 0030); answers their ids.
     */
    recover: (settleable: Settleable) => recoverProposals({ store, clock, move, settleable }),

    /** Expires what is due and runs approved proposals (those that waited out a pause). */
    async tick(): Promise<void> {
      await expireDue();
      if (await settings.writesPaused()) return;
      for (const id of await store.proposals.idsIn("approved")) await execute(id);
    },
  };
}

export type Proposals = ReturnType<typeof createProposals>;
