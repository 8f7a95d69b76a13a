import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type {
  AlertSavedView,
  CreateAlertSavedView,
  CreateSavedView,
  SavedView,
} from "../contract/views";
import { refusal, type Outcome, type Refusal } from "../lib/outcome";
import type { Store } from "../store/port/store";

/** Views are per person and hand-made: far more than this is a script filling the database. */
export const MAX_VIEWS_PER_PERSON = 200;

/** Saved views belong to a person; agents and walls have none. */
function ownerOf(actor: Actor): { userId: string } | Refusal {
  const denied = authorize(actor, "fleet:read");
  if (denied) return denied;
  if (actor.kind !== "person") {
    return refusal(
      "forbidden",
      "forbidden",
      "Only people signed in to the console have saved views.",
    );
  }
  return { userId: actor.userId };
}

const tooMany = () =>
  refusal(
    "conflict",
    "too_many_views",
    `You have ${MAX_VIEWS_PER_PERSON} saved views, the most allowed. Delete one to save another.`,
  );

/**
 * Each person's own saved views, of the device list (kind "devices") and of the alert queue (kind
 * "alerts"): nobody sees, or can tell apart, another's. The limit counts every kind.
 */
export function createSavedViews({ store }: { store: Pick<Store, "savedViews" | "transaction"> }) {
  return {
    async list(actor: Actor): Promise<Outcome<{ views: SavedView[] }>> {
      const owner = ownerOf(actor);
      if ("ok" in owner) return owner;
      return { ok: true, views: await store.savedViews.list(owner.userId) };
    },

    async create(actor: Actor, input: CreateSavedView): Promise<Outcome<{ view: SavedView }>> {
      const owner = ownerOf(actor);
      if ("ok" in owner) return owner;
      // One transaction: in SQLite parallel saves cannot pass the limit. PostgreSQL takes no lock
      // here, so saves racing at the limit may each add one: harmless for a cap against scripts.
      const view = await store.transaction(async (tx) => {
        if ((await tx.savedViews.count(owner.userId)) >= MAX_VIEWS_PER_PERSON) return null;
        return tx.savedViews.create(owner.userId, input);
      });
      if (!view) return tooMany();
      return { ok: true, view };
    },

    async listAlertViews(actor: Actor): Promise<Outcome<{ views: AlertSavedView[] }>> {
      const owner = ownerOf(actor);
      if ("ok" in owner) return owner;
      return { ok: true, views: await store.savedViews.listAlertViews(owner.userId) };
    },

    async createAlertView(
      actor: Actor,
      input: CreateAlertSavedView,
    ): Promise<Outcome<{ view: AlertSavedView }>> {
      const owner = ownerOf(actor);
      if ("ok" in owner) return owner;
      const view = await store.transaction(async (tx) => {
        if ((await tx.savedViews.count(owner.userId)) >= MAX_VIEWS_PER_PERSON) return null;
        return tx.savedViews.createAlertView(owner.userId, input);
      });
      if (!view) return tooMany();
      return { ok: true, view };
    },

    async remove(actor: Actor, id: string): Promise<Outcome> {
      const owner = ownerOf(actor);
      if ("ok" in owner) return owner;
      // Someone else's view answers exactly like a missing one: ids are not a way to probe.
      if (!(await store.savedViews.delete(owner.userId, id))) {
        return refusal("not-found", "not_found", "No such saved view.");
      }
      return { ok: true };
    },
  };
}

export type SavedViews = ReturnType<typeof createSavedViews>;
