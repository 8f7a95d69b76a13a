import type { Actor } from "../contract/actor";
import type { ResolveResult } from "../contract/alerts";
import { DattoError } from "../datto/gateway/datto-error";
import type { Outcome } from "../lib/outcome";
import { WRITES_PAUSED_MESSAGE } from "../settings/pausable-gateway";
import type { ProposalActions } from "./proposal-actions";

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
