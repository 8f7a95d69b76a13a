import { actorId, actorName, type Actor } from "../contract/actor";
import type { EventRepo, NewEvent } from "../store/port/event-repo";

/**
 * Appends one event to the log on `actor`'s behalf (null: nobody signed in, e.g. a failed
 * sign-in), with the name the log shows and the actor's kind and id. Every event goes through
 * here with the whole actor. Inside `store.transaction` pass `tx.events`, so the event commits
 * with the change it records, or neither does.
 */
export async function recordEvent(
  events: EventRepo,
  actor: Actor | null,
  event: Omit<NewEvent, "actor" | "actorKind" | "actorId">,
): Promise<void> {
  await events.append({
    ...event,
    actor: actor ? actorName(actor) : null,
    actorKind: actor?.kind ?? null,
    actorId: actor ? actorId(actor) : null,
  });
}
