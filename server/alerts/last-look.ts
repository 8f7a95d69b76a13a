import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type { Clock } from "../lib/clock";
import type { Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";

/**
 * Each person's last look at the alert queue, kept by the server so "new since you last looked"
 * is the same in every browser and tab. Agents and walls have no last look (nothing is new).
 */
export function createAlertLastLook(deps: { store: Pick<Store, "alertLastLooks">; clock: Clock }) {
  const { store, clock } = deps;
  return {
    /** Null when the actor never looked, or is not a person. */
    async of(actor: Actor): Promise<number | null> {
      if (actor.kind !== "person" || authorize(actor, "fleet:read")) return null;
      return store.alertLastLooks.get(actor.userId);
    },
    /** Now (the server's clock) becomes the person's last look. */
    async mark(actor: Actor): Promise<Outcome<{ at: number }>> {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      const at = clock.now();
      if (actor.kind === "person") await store.alertLastLooks.set(actor.userId, at);
      return { ok: true, at };
    },
  };
}

export type AlertLastLook = ReturnType<typeof createAlertLastLook>;
