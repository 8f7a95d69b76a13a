import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { z } from "zod";
import { DeviceQuerySchema } from "../../contract/devices";
import {
  ALERT_VIEW_GROUPS,
  type AlertSavedView,
  type CreateAlertSavedView,
  type CreateSavedView,
  type SavedView,
} from "../../contract/views";
import type { SavedViewRepo } from "../port/fleet-repos";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

type Row = Omit<Selectable<Database["saved_views"]>, "user_id" | "kind">;

/**
 * What differs between the kinds of saved view: how its input is stored in the `query` and
 * `columns` text columns, and how a row is read back. Listing and creating are one code path.
 */
type ViewKind<Input, View> = {
  kind: "devices" | "alerts";
  store: (input: Input) => Pick<Row, "query" | "columns">;
  read: (row: Row) => View;
};

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

const DEVICE_VIEWS: ViewKind<CreateSavedView, SavedView> = {
  kind: "devices",
  store: (view) => ({ query: JSON.stringify(view.query), columns: JSON.stringify(view.columns) }),
  read: toSavedView,
};

// An alert view keeps its queue parameters and grouping in `query`; `columns` is unused ("[]").
const AlertStoredSchema = z.object({
  params: z.record(z.string(), z.string()).catch({}),
  group: z.enum(ALERT_VIEW_GROUPS).nullable().catch(null),
});

const ALERT_VIEWS: ViewKind<CreateAlertSavedView, AlertSavedView> = {
  kind: "alerts",
  store: (view) => ({
    query: JSON.stringify({ params: view.params, group: view.group }),
    columns: "[]",
  }),
  read: (row) => {
    const stored = AlertStoredSchema.safeParse(JSON.parse(row.query));
    return {
      id: row.id,
      name: row.name,
      params: stored.success ? stored.data.params : {},
      group: stored.success ? stored.data.group : null,
      createdAt: row.created_at,
    };
  },
};

export function createSavedViewRepo({ db, clock }: RepoContext): SavedViewRepo {
  /** The person's views of one kind, oldest first (then by name). */
  async function listOf<V>(of: ViewKind<never, V>, userId: string): Promise<V[]> {
    const rows = await db
      .selectFrom("saved_views")
      .select(["id", "name", "query", "columns", "created_at"])
      .where("user_id", "=", userId)
      .where("kind", "=", of.kind)
      .orderBy("created_at")
      .orderBy("name")
      .execute();
    return rows.map(of.read);
  }

  async function createOf<I extends { name: string }, V>(
    of: ViewKind<I, V>,
    userId: string,
    view: I,
  ): Promise<V> {
    const row: Row = {
      id: randomUUID(),
      name: view.name,
      ...of.store(view),
      created_at: clock.now(),
    };
    await db
      .insertInto("saved_views")
      .values({ ...row, user_id: userId, kind: of.kind })
      .execute();
    return of.read(row);
  }

  return {
    list: (userId) => listOf(DEVICE_VIEWS, userId),
    create: (userId, view) => createOf(DEVICE_VIEWS, userId, view),
    listAlertViews: (userId) => listOf(ALERT_VIEWS, userId),
    createAlertView: (userId, view) => createOf(ALERT_VIEWS, userId, view),
    async count(userId) {
      const row = await db
        .selectFrom("saved_views")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
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
