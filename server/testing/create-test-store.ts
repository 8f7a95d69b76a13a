import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createManualClock, type Clock } from "../lib/clock";
import { createSqliteStore } from "../store/sqlite/create-sqlite-store";
import type { Store } from "../store/store";

/** A real SQLite store in a fresh temp folder. Call cleanup() in afterEach. */
export function createTestStore(clock: Clock = createManualClock()): {
  store: Store;
  dataDir: string;
  cleanup(): void;
} {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-test-"));
  const store = createSqliteStore({ dataDir, clock });
  let closed = false;
  return {
    store,
    dataDir,
    cleanup() {
      if (!closed) store.close();
      closed = true;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
