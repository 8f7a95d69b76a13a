/**
 * Rows read by key, kept in memory until the database may have changed under them: another
 * connection committed (`version()` moves: SQLite's PRAGMA data_version, ~1 µs, e.g. the `user`
 * CLI disabling someone from its own process) or this store wrote (every write goes through
 * `write()`). Every request looks its session and user up, and a hit costs ~1 µs where a query
 * costs tens (docs/decisions/0009-async-store-on-kysely.md). Misses are not kept, so unknown keys
 * cannot grow it. Reads inside a transaction must not use it: they may see what rolls back.
 */
export interface ReadCache<V> {
  /** A copy of the cached value, or load()'s answer (kept when found and nothing wrote meanwhile). */
  read(key: string, load: () => Promise<V | null>): Promise<V | null>;
  /** Runs a write; what was cached before it, or loaded while it ran, is dropped. */
  write<T>(run: () => Promise<T>): Promise<T>;
  /** Drops everything, e.g. once a transaction that wrote has committed. */
  invalidate(): void;
}

export function createReadCache<V extends object>(
  version: () => number,
  maxEntries = 1_000,
): ReadCache<V> {
  const entries = new Map<string, V>();
  let seen: number | undefined;
  // Moves at every write, so a load that overlapped one cannot keep what it read before it.
  let generation = 0;
  const drop = () => {
    entries.clear();
    generation += 1;
  };
  const check = () => {
    const now = version();
    if (now !== seen) {
      drop();
      seen = now;
    }
  };

  return {
    async read(key, load) {
      check();
      const hit = entries.get(key);
      if (hit) return { ...hit };
      const started = generation;
      const value = await load();
      check();
      if (value && generation === started) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(key, { ...value });
      }
      return value;
    },
    async write(run) {
      drop();
      try {
        return await run();
      } finally {
        drop();
      }
    },
    invalidate: drop,
  };
}
