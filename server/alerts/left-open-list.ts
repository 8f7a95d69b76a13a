import { actorName, type Actor } from "../contract/actor";
import type { QueueAlert } from "../contract/alerts";
import type { DattoApi } from "../datto/api/create-datto-api";
import { recordEvent } from "../events/record-event";
import type { Store } from "../store/port/store";
import { deckResolution } from "./deck-resolution";
import type { OpenAlertEntry } from "./open-alert-entry";

/**
 * What a poll records about alerts that left Datto's open list (or stayed on it after a resolve
 * whose outcome we did not know). An alert that leaves the list is resolved: by us (recorded when
 * Datto confirmed, or settled here), or outside RMM Deck (Datto, auto-resolve, the portal).
 */
type ResolutionStore = Pick<Store, "alertClaims" | "alertResolutions" | "transaction">;

/** Disappeared alerts whose resolver we ask Datto for, per poll (one read each). */
const RESOLVER_LOOKUPS_PER_POLL = 10;

/** A resolve sent whose outcome is unknown: who sent it, and when. */
export interface UnknownOutcome {
  actor: Actor;
  sentAt: number;
}

/**
 * Resolves sent whose outcome was unknown: the poll tells (or, on a follower, a stored list the
 * leader polled at `listedAt`, which settles only the resolves sent before it). Gone from the list, the alert is
 * recorded as resolved by whoever sent it; either way the settling is an event.
 */
export async function settleUnknownOutcomes(
  store: ResolutionStore,
  unknownOutcomes: Map<string, UnknownOutcome>,
  previous: ReadonlyMap<string, OpenAlertEntry>,
  next: ReadonlyMap<string, OpenAlertEntry>,
  now: number,
  listedAt = Infinity,
) {
  for (const [uid, { actor, sentAt }] of [...unknownOutcomes]) {
    if (sentAt > listedAt) continue;
    unknownOutcomes.delete(uid);
    const stillOpen = next.has(uid);
    const row = previous.get(uid)?.row;
    await store.transaction(async (tx) => {
      if (!stillOpen && row) {
        const claim = await tx.alertClaims.get(uid);
        await tx.alertResolutions.record(
          deckResolution(actor, now, {
            ...row,
            claim,
            resolved: true,
            resolution: { via: "deck", by: actorName(actor), at: now },
          }),
        );
      }
      await recordEvent(tx.events, actor, {
        kind: "alert.resolve_settled",
        target: uid,
        // The alert left the open list (resolved) or is still listed (the resolve did not land).
        detail: { resolved: !stillOpen },
      });
    });
  }
}

/**
 * Alerts gone from the list that we did not resolve: resolved outside RMM Deck. Datto says who
 * for the first few (a read each, capped per poll); their claims end with them.
 */
export async function recordResolvedElsewhere(
  store: ResolutionStore,
  datto: DattoApi,
  signal: AbortSignal,
  gone: readonly OpenAlertEntry[],
  now: number,
) {
  const claims = await store.alertClaims.list();
  let lookups = 0;
  for (const entry of gone) {
    const uid = entry.row.alertUid;
    const ours = await store.alertResolutions.get(uid);
    if (ours?.via === "deck") continue;
    const resolver =
      lookups++ < RESOLVER_LOOKUPS_PER_POLL
        ? await dattoResolver(datto, signal, uid)
        : { by: null, at: null };
    const at = resolver.at ?? now;
    const alert: QueueAlert = {
      ...entry.row,
      claim: claims.get(uid) ?? null,
      resolveOutcome: null,
      resolved: true,
      resolution: { via: "datto", by: resolver.by, at },
    };
    await store.alertResolutions.record({
      alertUid: uid,
      via: "datto",
      actor: resolver.by,
      actorKind: null,
      actorId: null,
      resolvedAt: at,
      alert,
    });
  }
  await store.alertClaims.removeMany(gone.map((e) => e.row.alertUid));
}

/** Who resolved an alert that left the list, from Datto's own field (unknown if the read fails). */
async function dattoResolver(
  datto: DattoApi,
  signal: AbortSignal,
  uid: string,
): Promise<{ by: string | null; at: number | null }> {
  try {
    const read = await datto.getAlert(uid, { priority: "background", maxAgeMs: 0, signal });
    return { by: read.data.resolvedBy ?? null, at: read.data.resolvedOn ?? null };
  } catch {
    return { by: null, at: null };
  }
}
