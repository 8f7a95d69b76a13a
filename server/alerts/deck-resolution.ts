import { actorId, actorName, type Actor } from "../contract/actor";
import type { QueueAlert } from "../contract/alerts";
import type { ResolutionRecord } from "../store/port/alert-repos";

/**
 * The record of an alert resolved through RMM Deck, by `actor` at `at`: one shape whether Datto
 * confirmed the resolve at once or a later list showed it gone after an unknown outcome.
 */
export function deckResolution(actor: Actor, at: number, alert: QueueAlert): ResolutionRecord {
  return {
    alertUid: alert.alertUid,
    via: "deck",
    actor: actorName(actor),
    actorKind: actor.kind,
    actorId: actorId(actor),
    resolvedAt: at,
    alert,
  };
}
