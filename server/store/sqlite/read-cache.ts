import type { Database } from "better-sqlite3";

/**
 * Rows read by key, kept in memory until the database may have changed under them: another
 * connection committed (PRAGMA data_version moves, e.g. the `user` CLI disabling someone from its
 * own process) or this connection wrote (the repo calls clear()). Checking the version costs ~1 µs;
 * the SELECT it saves ~3-10 µs on every request's session and user lookup
 * (docs/decisions/0005-request-overhead.md). Nothing is kept from inside a transaction, which
 * could still roll back. Misses are not kept, so unknown keys cannot grow it.
 */
export function createReadCache<V extends object>(db: Database, maxEntries = 1_000) {
  const version = db.prepare<[], number>("PRAGMA data_version").pluck();
  const entries = new Map<string, V>();
  let seen: number | undefined;

  return {
    /** A copy of the cached value, or load()'s answer (kept when found). */
    get(key: string, load: () => V | null): V | null {
      const now = version.get();
      if (now !== seen) {
        entries.clear();
        seen = now;
      }
      const hit = entries.get(key);
      if (hit) return { ...hit };
      const value = load();
      if (value && !db.inTransaction) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(key, { ...value });
      }
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
