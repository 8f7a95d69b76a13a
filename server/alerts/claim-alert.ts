import { authorize } from "../auth/authorize";
import { actorId, actorName, type Actor } from "../contract/actor";
import type { AlertClaim } from "../contract/alerts";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import { refusal, type Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";
import type { Store } from "../store/port/store";
import type { AlertQueue } from "./alert-queue";

const when = (at: number) => new Date(at).toISOString().replace(/\.\d+Z$/, "Z");

const sameActor = (claim: AlertClaim, actor: Actor) =>
  claim.byId !== null ? claim.byId === actorId(actor) : claim.by === actorName(actor);

/**
 * "On it": a claim on an open alert, with an optional note, stored by RMM Deck (Datto has no
 * acknowledge state), seen by everyone at once (live hint) and in the audit log. The first claim
 * wins; a second is told who has it. Claiming again as the holder replaces the note.
 */
export function createAlertClaims(deps: {
  store: Pick<Store, "transaction">;
  queue: Pick<AlertQueue, "openAlert">;
  clock: Clock;
  live: LiveBus;
}) {
  const { store, queue, clock, live } = deps;
  const hint = (kind: string, uid: string) =>
    live.publish({ topic: "alerts", kind, id: uid, at: clock.now() });

  return {
    async claimAlert(
      actor: Actor,
      input: { alertUid: string; note?: string | null },
    ): Promise<Outcome<{ claim: AlertClaim }>> {
      const denied = authorize(actor, "alerts:claim");
      if (denied) return denied;
      if (!queue.openAlert(input.alertUid)) {
        return refusal(
          "not-found",
          "not_open",
          "This alert is not in the open list (resolved, or not polled yet): there is nothing to claim.",
        );
      }
      const note = input.note?.trim() ? input.note.trim() : null;
      const outcome = await store.transaction(async (tx) => {
        const attempt = await tx.alertClaims.claim({
          alertUid: input.alertUid,
          actor: actorName(actor),
          actorKind: actor.kind,
          actorId: actorId(actor),
          note,
        });
        if (attempt.taken) {
          await recordEvent(tx.events, actor, {
            kind: "alert.claimed",
            target: input.alertUid,
            detail: note ? { note } : null,
          });
          return { ok: true as const, claim: attempt.claim };
        }
        if (sameActor(attempt.holder, actor)) {
          const claim = await tx.alertClaims.updateNote(
            input.alertUid,
            actorId(actor),
            actorName(actor),
            note,
          );
          if (claim) {
            await recordEvent(tx.events, actor, {
              kind: "alert.claim_note_changed",
              target: input.alertUid,
              detail: note ? { note } : null,
            });
            return { ok: true as const, claim };
          }
        }
        return refusal(
          "conflict",
          "already_claimed",
          `${attempt.holder.by} has claimed this alert since ${when(attempt.holder.at)}${attempt.holder.note ? ` ("${attempt.holder.note}")` : ""}.`,
          { claim: attempt.holder },
        );
      });
      if (outcome.ok) hint("claimed", input.alertUid);
      return outcome;
    },

    /** Releases the claim, whoever holds it (a colleague may take over); the log says whose. */
    async releaseAlert(
      actor: Actor,
      input: { alertUid: string },
    ): Promise<Outcome<{ released: AlertClaim }>> {
      const denied = authorize(actor, "alerts:claim");
      if (denied) return denied;
      const outcome = await store.transaction(async (tx) => {
        const released = await tx.alertClaims.release(input.alertUid);
        if (!released) return refusal("not-found", "not_claimed", "Nobody has claimed this alert.");
        await recordEvent(tx.events, actor, {
          kind: "alert.released",
          target: input.alertUid,
          detail: sameActor(released, actor) ? null : { claimedBy: released.by },
        });
        return { ok: true as const, released };
      });
      if (outcome.ok) hint("released", input.alertUid);
      return outcome;
    },
  };
}

export type AlertClaims = ReturnType<typeof createAlertClaims>;
