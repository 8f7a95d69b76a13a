import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import { z } from "zod";
import { DeviceQuerySchema } from "../../contract/devices";
import type { SavedView } from "../../contract/views";
import type { Clock } from "../../lib/clock";
import type { SavedViewRepo } from "../fleet-repos";

type Row = { id: string; name: string; query: string; columns: string; created_at: number };

const ColumnsSchema = z.array(z.string());

// A stored query is re-parsed so a view saved by an older version still yields a valid query;
// fields that no longer parse are dropped rather than breaking the whole list.
const toView = (row: Row): SavedView => {
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

export function createSavedViewRepo(db: Database, clock: Clock): SavedViewRepo {
  const list = db.prepare<[string], Row>(
    "SELECT id, name, query, columns, created_at FROM saved_views WHERE user_id = ? ORDER BY created_at, name",
  );
  const insert = db.prepare(
    "INSERT INTO saved_views (id, user_id, name, query, columns, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const remove = db.prepare("DELETE FROM saved_views WHERE id = ? AND user_id = ?");
  return {
    list: (userId) => list.all(userId).map(toView),
    create(userId, view) {
      const row: Row = {
        id: randomUUID(),
        name: view.name,
        query: JSON.stringify(view.query),
        columns: JSON.stringify(view.columns),
        created_at: clock.now(),
      };
      insert.run(row.id, userId, row.name, row.query, row.columns, row.created_at);
      return toView(row);
    },
    delete: (userId, id) => remove.run(id, userId).changes > 0,
  };
}
