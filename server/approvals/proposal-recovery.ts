import type { Settleable } from "../coord/execution-recovery";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";
import type { ProposalMoves } from "./proposal-moves";

const STOPPED =
  "The server stopped while this was being sent to Datto: it may or may not have run. Check in Datto before proposing it again.";

/** Proposals left executing by an executor that is gone become outcome unknown; their ids. */
export async function recoverProposals(deps: {
  store: Store;
  clock: Clock;
  move: ProposalMoves["move"];
  settleable: Settleable;
}): Promise<string[]> {
  const { store, clock, move, settleable } = deps;
  const found = [];
  for (const id of await store.proposals.idsIn("executing")) {
    const p = await store.proposals.find(id);
    if (p) found.push(p);
  }
  const settle = await settleable(
    "proposal",
    found.map((p) => ({ id: p.id, since: p.startedAt ?? p.createdAt })),
  );
  const settled: string[] = [];
  for (const p of found) {
    if (!settle.has(p.id)) continue;
    const moved = await move(p, null, ["executing"], "outcome_unknown", {
      error: STOPPED,
      finishedAt: clock.now(),
    });
    if (moved) settled.push(p.id);
  }
  return settled;
}
