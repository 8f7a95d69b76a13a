import type { Database } from "better-sqlite3";
import type { Clock } from "../../lib/clock";
import { toEvent } from "../kysely/event-repo";
import type { EventRepo } from "../store";

type EventRow = Parameters<typeof toEvent>[0];

/** Append-only: there is deliberately no update or delete. */
export function createSqliteEventRepo(db: Database, clock: Clock): EventRepo {
  const insert = db.prepare(
    "INSERT INTO events (at, actor, kind, target, detail) VALUES (?, ?, ?, ?, ?)",
  );
  const byId = db.prepare<[number | bigint], EventRow>("SELECT * FROM events WHERE id = ?");
  const newest = db.prepare<[number], EventRow>("SELECT * FROM events ORDER BY id DESC LIMIT ?");
  const older = db.prepare<[number, number], EventRow>(
    "SELECT * FROM events WHERE id < ? ORDER BY id DESC LIMIT ?",
  );
  return {
    append(event) {
      const detail = event.detail === null ? null : JSON.stringify(event.detail);
      const at = event.at ?? clock.now();
      const { lastInsertRowid } = insert.run(at, event.actor, event.kind, event.target, detail);
      return toEvent(byId.get(lastInsertRowid)!);
    },
    list({ limit, before }) {
      const rows = before === undefined ? newest.all(limit) : older.all(before, limit);
      return rows.map(toEvent);
    },
  };
}
