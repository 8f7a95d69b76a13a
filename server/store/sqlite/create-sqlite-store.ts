import type { Clock } from "../../lib/clock";
import { ALL_MIGRATIONS } from "../migrations/all-migrations";
import type { Store } from "../store";
import { runMigrations } from "./migrate";
import { openDatabase } from "./open-database";
import { createSqliteEventRepo } from "./sqlite-event-repo";
import { createSqliteLoginAttemptRepo } from "./sqlite-login-attempt-repo";
import { createSqliteSessionRepo } from "./sqlite-session-repo";
import { createSqliteUserRepo } from "./sqlite-user-repo";
import { createFleetSnapshotRepo } from "./fleet-snapshot-repo";
import { createSavedViewRepo } from "./saved-view-repo";
import { createUdfLabelRepo } from "./udf-label-repo";

export type SqliteStoreOptions = { dataDir: string; clock: Clock };

/** Opens `<dataDir>/rmm-deck.db` (creating the folder on first start) and applies migrations. */
export function createSqliteStore({ dataDir, clock }: SqliteStoreOptions): Store {
  const db = openDatabase(dataDir);
  try {
    runMigrations(db, ALL_MIGRATIONS, clock.now());
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    users: createSqliteUserRepo(db, clock),
    sessions: createSqliteSessionRepo(db),
    loginAttempts: createSqliteLoginAttemptRepo(db),
    events: createSqliteEventRepo(db, clock),
    fleetSnapshots: createFleetSnapshotRepo(db, clock),
    savedViews: createSavedViewRepo(db, clock),
    udfLabels: createUdfLabelRepo(db, clock),
    close: () => db.close(),
  };
}
