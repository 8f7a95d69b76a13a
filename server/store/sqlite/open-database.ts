import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database } from "better-sqlite3";

export const DATABASE_FILE = "rmm-deck.db";

/** Opens (creating the folder and file if needed) the database with the pragmas we rely on. */
export function openDatabase(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  // busy_timeout covers these pragmas only (switching a new file to WAL takes a lock that another
  // process opening it at the same moment may hold); openSqliteStore then sets it to 0, because its
  // driver waits for locks without blocking the event loop. WAL lets readers proceed while a write
  // is in progress.
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  return db;
}
