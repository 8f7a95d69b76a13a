import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { createManualClock } from "../../lib/clock";
import type { Store } from "../../store/port/store";
import { openSqliteStore } from "../../store/sqlite/open-sqlite-store";
import { openDatabase } from "../../store/sqlite/open-database";
import type { RawSql, StoreHarness } from "./store-harness";

/**
 * SQLite stores in fresh temp folders, each closed and removed after the test. Call at the top of
 * a test file; the returned function opens a harness.
 */
export function useSqliteHarness(options: { busyTimeoutMs?: number } = {}) {
  let cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    const pending = cleanups;
    cleanups = [];
    for (const cleanup of pending) await cleanup();
  });

  return async function openHarness(): Promise<StoreHarness & { dataDir: string; raw: RawSql }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-store-"));
    const clock = createManualClock();
    const stores: Store[] = [];
    cleanups.push(async () => {
      for (const store of stores) await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const openAnother = async () => {
      const store = await openSqliteStore({ dataDir, clock, ...options });
      stores.push(store);
      return store;
    };
    const raw: RawSql = async (statement) => {
      const db = openDatabase(dataDir);
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    };
    return { store: await openAnother(), clock, openAnother, dataDir, raw };
  };
}
