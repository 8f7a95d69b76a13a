import type { Proposal, ProposalState } from "../../contract/proposals";

export type ProposalRecord = Proposal & { decidedById: string | null };

export type NewProposal = Pick<
  Proposal,
  | "id"
  | "tool"
  | "tokenId"
  | "agentName"
  | "reason"
  | "risks"
  | "payload"
  | "digest"
  | "context"
  | "testMode"
  | "createdAt"
  | "expiresAt"
> & { state: "pending" | "planned" };

/** Fields a state change may set along with the state. */
export type ProposalChange = Partial<
  Pick<
    ProposalRecord,
    | "decidedBy"
    | "decidedById"
    | "decidedAt"
    | "comment"
    | "startedAt"
    | "finishedAt"
    | "result"
    | "error"
  >
>;

/**
 * Proposals. Every state change is ONE conditional UPDATE (`WHERE state IN (from)`), whose row
 * count says whether this caller made it: two approvers, two processes, or a retry after a crash
 * can never both win (decision 0023).
 */
export interface ProposalRepo {
  /**
   * Inserts `proposal`, unless the same token already has a pending proposal with the same digest
   * that has not expired: then that one counts one more request and is returned (`merged`).
   */
  createOrMerge(
    proposal: NewProposal,
    now: number,
  ): Promise<{ proposal: ProposalRecord; merged: boolean }>;
  find(id: string): Promise<ProposalRecord | null>;
  /** Newest first. */
  list(options: { states?: readonly ProposalState[]; limit: number }): Promise<ProposalRecord[]>;
  count(states: readonly ProposalState[]): Promise<number>;
  /**
   * Moves the proposal from one of `from` to `to`, setting `change`; `digest` and `before`
   * (it must expire after this instant) narrow the condition further. True when this call moved it.
   */
  transition(
    id: string,
    from: readonly ProposalState[],
    to: ProposalState,
    change?: ProposalChange,
    where?: { digest?: string; expiresAfter?: number },
  ): Promise<boolean>;
  /** Pending or approved-but-not-started proposals past their expiry become expired; their ids. */
  expireDue(now: number): Promise<string[]>;
  /** Ids of proposals in `state`, oldest first. */
  idsIn(state: ProposalState): Promise<string[]>;
}
