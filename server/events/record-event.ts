import { actorName, type Actor } from "../contract/actor";
import type { EventRepo, NewEvent } from "../store/store";

/**
 * Appends one event to the log on `actor`'s behalf (null: nobody signed in, e.g. a failed
 * sign-in). Every event goes through here with the whole actor, so when the events table gains
 * columns for the actor's kind and id, only this function changes; today it stores the name the
 * log shows.
 */
export async function recordEvent(
  events: EventRepo,
  actor: Actor | null,
  event: Omit<NewEvent, "actor">,
): Promise<void> {
  await events.append({ ...event, actor: actor ? actorName(actor) : null });
}
