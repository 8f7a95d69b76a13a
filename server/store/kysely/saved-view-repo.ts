import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { z } from "zod";
import { DeviceQuerySchema } from "../../contract/devices";
import type { SavedView } from "../../contract/views";
import type { SavedViewRepo } from "../port/fleet-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

type Row = Omit<Selectable<Database["saved_views"]>, "user_id">;

const ColumnsSchema = z.array(z.string());

// A stored query is re-parsed so a view saved by an older version still yields a valid query;
// fields that no longer parse are dropped rather than breaking the whole list.
export const toSavedView = (row: Row): SavedView => {
  const query = DeviceQuerySchema.safeParse(JSON.parse(row.query));
  const columns = ColumnsSchema.safeParse(JSON.parse(row.columns));
  return {
    id: row.id,
    name: row.name,
    query: query.success ? query.data : {},
    columns: columns.success ? columns.data : [],
    createdAt: row.created_at,
  };
};

export function createSavedViewRepo({ db, clock }: RepoContext): SavedViewRepo {
  return {
    async list(userId) {
      const rows = await db
        .selectFrom("saved_views")
        .select(["id", "name", "query", "columns", "created_at"])
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .orderBy("name")
        .execute();
      return rows.map(toSavedView);
    },
    async create(userId, view) {
      const row: Row = {
        id: randomUUID(),
        name: view.name,
        query: JSON.stringify(view.query),
        columns: JSON.stringify(view.columns),
        created_at: clock.now(),
      };
      await db
        .insertInto("saved_views")
        .values({ ...row, user_id: userId })
        .execute();
      return toSavedView(row);
    },
    async delete(userId, id) {
      const result = await db
        .deleteFrom("saved_views")
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
