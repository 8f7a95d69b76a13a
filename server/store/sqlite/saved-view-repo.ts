import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Clock } from "../../lib/clock";
import type { SavedViewRepo } from "../fleet-repos";
import { toSavedView as toView } from "../kysely/saved-view-repo";

type Row = Parameters<typeof toView>[0];

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
