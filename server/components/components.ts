import type { Actor } from "../contract/actor";
import type { ComponentListResponse } from "../contract/components";
import { authorize } from "../auth/authorize";
import { refusal, type Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";
import { searchComponents, type ComponentCatalog } from "./component-catalog";

/**
 * The component catalog (find, get, background refresh) plus its use-cases: the list a person
 * sees with their favourites and recently used, and marking a favourite.
 */
export interface Components extends ComponentCatalog {
  list(
    actor: Actor,
    query: { q?: string | undefined; category?: string | undefined },
  ): Promise<Outcome<{ list: ComponentListResponse }>>;
  setFavourite(actor: Actor, uid: string, favourite: boolean): Promise<Outcome>;
}

export function createComponents(deps: { catalog: ComponentCatalog; store: Store }): Components {
  const { catalog, store } = deps;
  return {
    ...catalog,
    async list(actor, query) {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      const snapshot = await catalog.current();
      const prefs =
        actor.kind === "person"
          ? await store.componentPrefs.get(actor.userId)
          : { favourites: [], recent: [] };
      const known = new Set(snapshot.components.map((c) => c.uid));
      return {
        ok: true,
        list: {
          components: searchComponents(snapshot.components, query),
          favourites: prefs.favourites.filter((uid) => known.has(uid)),
          recent: prefs.recent.filter((uid) => known.has(uid)),
          fetchedAt: snapshot.fetchedAt,
          stale: snapshot.stale,
        },
      };
    },
    async setFavourite(actor, uid, favourite) {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      if (actor.kind !== "person")
        return refusal("forbidden", "forbidden", "Only people keep favourites.");
      if (!(await catalog.get(uid)))
        return refusal("not-found", "unknown_component", "No such component.");
      await store.componentPrefs.setFavourite(actor.userId, uid, favourite);
      return { ok: true };
    },
  };
}
