import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { z } from "zod";
import { DeviceQuerySchema } from "../../contract/devices";
import { ALERT_VIEW_GROUPS, type AlertSavedView, type SavedView } from "../../contract/views";
import type { SavedViewRepo } from "../port/fleet-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

type Row = Omit<Selectable<Database["saved_views"]>, "user_id" | "kind">;

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

// An alert view keeps its queue parameters and grouping in `query`; `columns` is unused ("[]").
const AlertStoredSchema = z.object({
  params: z.record(z.string(), z.string()).catch({}),
  group: z.enum(ALERT_VIEW_GROUPS).nullable().catch(null),
});
const toAlertView = (row: Row): AlertSavedView => {
  const stored = AlertStoredSchema.safeParse(JSON.parse(row.query));
  return {
    id: row.id,
    name: row.name,
    params: stored.success ? stored.data.params : {},
    group: stored.success ? stored.data.group : null,
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
        .where("kind", "=", "devices")
        .orderBy("created_at")
        .orderBy("name")
        .execute();
      return rows.map(toSavedView);
    },
    async listAlertViews(userId) {
      const rows = await db
        .selectFrom("saved_views")
        .select(["id", "name", "query", "columns", "created_at"])
        .where("user_id", "=", userId)
        .where("kind", "=", "alerts")
        .orderBy("created_at")
        .orderBy("name")
        .execute();
      return rows.map(toAlertView);
    },
    async createAlertView(userId, view) {
      const row: Row = {
        id: randomUUID(),
        name: view.name,
        query: JSON.stringify({ params: view.params, group: view.group }),
        columns: "[]",
        created_at: clock.now(),
      };
      await db
        .insertInto("saved_views")
        .values({ ...row, user_id: userId, kind: "alerts" })
        .execute();
      return toAlertView(row);
    },
    async count(userId) {
      const row = await db
        .selectFrom("saved_views")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
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
        .values({ ...row, user_id: userId, kind: "devices" })
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
