import type { ComponentPrefsRepo } from "../port/component-prefs-repo";
import type { RepoContext } from "./repo-context";

export function createComponentPrefsRepo({ db }: RepoContext): ComponentPrefsRepo {
  return {
    async get(userId) {
      const rows = await db
        .selectFrom("component_prefs")
        .selectAll()
        .where("user_id", "=", userId)
        .execute();
      return {
        favourites: rows
          .filter((r) => r.favourite === 1)
          .map((r) => r.component_uid)
          .sort(),
        recent: rows
          .filter((r) => r.last_used_at !== null)
          .sort((a, b) => Number(b.last_used_at) - Number(a.last_used_at))
          .slice(0, 10)
          .map((r) => r.component_uid),
      };
    },
    async setFavourite(userId, componentUid, favourite) {
      await db
        .insertInto("component_prefs")
        .values({
          user_id: userId,
          component_uid: componentUid,
          favourite: favourite ? 1 : 0,
          last_used_at: null,
        })
        .onConflict((oc) =>
          oc.columns(["user_id", "component_uid"]).doUpdateSet({ favourite: favourite ? 1 : 0 }),
        )
        .execute();
    },
    async markUsed(userId, componentUid, at) {
      await db
        .insertInto("component_prefs")
        .values({ user_id: userId, component_uid: componentUid, favourite: 0, last_used_at: at })
        .onConflict((oc) =>
          oc.columns(["user_id", "component_uid"]).doUpdateSet({ last_used_at: at }),
        )
        .execute();
    },
  };
}
