import type { Database } from "better-sqlite3";
import type { Clock } from "../../lib/clock";
import type { FleetSnapshotRepo } from "../fleet-repos";

type Row = { fetched_at: number; saved_at: number; format: number; payload: Buffer };

export function createFleetSnapshotRepo(db: Database, clock: Clock): FleetSnapshotRepo {
  const upsert = db.prepare(
    `INSERT INTO fleet_snapshots (name, fetched_at, saved_at, format, payload) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET fetched_at = excluded.fetched_at,
       saved_at = excluded.saved_at, format = excluded.format, payload = excluded.payload`,
  );
  const select = db.prepare<[string], Row>(
    "SELECT fetched_at, saved_at, format, payload FROM fleet_snapshots WHERE name = ?",
  );
  return {
    save({ fetchedAt, format, payload }, name = "fleet") {
      upsert.run(name, fetchedAt, clock.now(), format, payload);
    },
    load(name = "fleet") {
      const row = select.get(name);
      if (!row) return null;
      return {
        fetchedAt: row.fetched_at,
        savedAt: row.saved_at,
        format: row.format,
        payload: row.payload,
      };
    },
  };
}
