import type { Database } from "better-sqlite3";
import type { LoginAttemptRepo } from "../store";

export function createSqliteLoginAttemptRepo(db: Database): LoginAttemptRepo {
  const insert = db.prepare("INSERT INTO login_attempts (key, at) VALUES (?, ?)");
  const since = db.prepare<[string, number], { at: number }>(
    "SELECT at FROM login_attempts WHERE key = ? AND at >= ? ORDER BY at",
  );
  const clear = db.prepare("DELETE FROM login_attempts WHERE key = ?");
  const prune = db.prepare("DELETE FROM login_attempts WHERE at < ?");
  return {
    recordFailure(key, at) {
      insert.run(key, at);
    },
    failuresSince: (key, from) => since.all(key, from).map((r) => r.at),
    clear(key) {
      clear.run(key);
    },
    prune(before) {
      prune.run(before);
    },
  };
}
