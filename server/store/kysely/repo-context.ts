import type { Kysely } from "kysely";
import type { UdfLabels } from "../../contract/views";
import type { Clock } from "../../lib/clock";
import type { SessionRecord } from "../port/session-repo";
import type { UserRecord } from "../port/user-repo";
import type { Database } from "./database";
import type { DialectTraits } from "./dialect-traits";
import type { ReadCache } from "./read-cache";

/** What every repo is built from: the store's connection, or one transaction on it. */
export type RepoContext = {
  db: Kysely<Database>;
  traits: DialectTraits;
  clock: Clock;
  /** Shared by the store and its transactions: writes in either clear them. */
  caches: {
    users: ReadCache<UserRecord>;
    sessions: ReadCache<SessionRecord>;
    udfLabels: ReadCache<UdfLabels>;
  };
  /** Runs `fn` in the caller's transaction when there is one, else in a new one. */
  atomically<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
};

/** Reads through the cache, except inside a transaction (it may still roll back). */
export function cachedRead<V>(
  db: Kysely<Database>,
  cache: ReadCache<V>,
  key: string,
  load: () => Promise<V | null>,
): Promise<V | null> {
  return db.isTransaction ? load() : cache.read(key, load);
}
