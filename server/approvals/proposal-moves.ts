import type { Actor } from "../contract/actor";
import type { ProposalState } from "../contract/proposals";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { LiveBus } from "../live/live-bus";
import type { ProposalRecord } from "../store/port/proposal-repo";
import type { Store } from "../store/port/store";

type Transition = Store["proposals"]["transition"];

/**
 * A proposal's state changes: each one conditional UPDATE with its audit event in the same
 * transaction, then a live hint. The move to executing also records this instance as the
 * executor (decision 0030), in that transaction: recovery never settles a live instance's sends.
 */
export function createProposalMoves(deps: {
  store: Store;
  clock: Clock;
  live: LiveBus;
  executorId: string;
}) {
  const { store, clock, live, executorId } = deps;
  const publish = (kind: string, id: string) =>
    live.publish({ topic: "proposals", kind, id, at: clock.now() });

  /** One state change and its event, atomically; true when this call made it. */
  async function move(
    p: ProposalRecord,
    actor: Actor | null,
    from: readonly ProposalState[],
    to: ProposalState,
    change: Parameters<Transition>[3] = {},
    where: Parameters<Transition>[4] = {},
    detail: Record<string, unknown> = {},
  ): Promise<boolean> {
    const moved = await store.transaction(async (tx) => {
      if (!(await tx.proposals.transition(p.id, from, to, change, where))) return false;
      if (to === "executing") await tx.executors.record("proposal", p.id, executorId);
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

  return { move, expireDue, publish };
}

export type ProposalMoves = ReturnType<typeof createProposalMoves>;
