import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import { DattoError, UNAVAILABLE_KINDS } from "./datto-error";
import { raceSignal } from "./deadline";
import type { Fresh } from "./types";

interface Entry {
  data: unknown;
  fetchedAt: number;
  path: string;
}

interface InFlight {
  promise: Promise<Entry>;
  controller: AbortController;
  waiters: number;
  discard: boolean;
  path: string;
}

/**
 * Datto's "no" (404 no such object, 400 e.g. an audit of a class it cannot audit) is remembered
 * for a minute: a loop over made-up filter ids or uids otherwise costs one read each, every time
 * (1,501 reads in 192 s in a probe). Kept apart from answers, so such a loop cannot evict them.
 */
const NEGATIVE_TTL_MS = 60_000;
const NEGATIVE_MAX_ENTRIES = 2_000;
const NEGATIVE_KINDS: ReadonlySet<string> = new Set(["not-found", "bad-request"]);

interface NegativeEntry {
  error: DattoError;
  at: number;
  path: string;
}

/**
 * Answers shared by several instances (REDIS_URL, server/coord/): a miss here asks there before
 * Datto, and a fresh answer is put there for the others. A miss is coalesced across instances too:
 * the instance that claims the key reads Datto, the others wait for its answer (three people on
 * three instances opening one device cost one read, as on one instance). Invalidations reach
 * every instance through `onInvalidate`.
 */
export interface SharedResponseStore {
  get(key: string): Promise<{ data: unknown; fetchedAt: number } | null>;
  set(key: string, path: string, entry: { data: unknown; fetchedAt: number }, ttlMs: number): void;
  /** True when this instance now loads `key` (no other instance's claim on it is live). */
  claimLoad(key: string, ttlMs: number): Promise<boolean>;
  /** Whether some instance's claim on loading `key` is still live. */
  loadClaimed(key: string): Promise<boolean>;
  /** Ends this instance's claim (after its answer was offered with `set`). */
  releaseLoad(key: string): void;
  invalidate(prefix: string): void;
  onInvalidate(listener: (prefix: string) => void): void;
}

/** A claim outlives a dead holder by at most this long. */
const LOAD_CLAIM_MS = 10_000;
/**
 * The longest another instance's read is waited for before reading Datto here after all (a read
 * queued behind a full budget may take longer; then both read, as before the claim existed).
 */
const LOAD_WAIT_MS = 5_000;
const LOAD_POLL_MS = 50;

export interface CachedReadOptions {
  maxAgeMs: number;
  staleWhileRevalidateMs: number;
  signal?: AbortSignal;
}

/**
 * Bounded LRU of parsed answers with stale-while-revalidate and request coalescing: N callers asking
 * for the same key while it loads share one upstream call. When Datto is unreachable, an old answer
 * is served marked stale instead of an error.
 */
export function createResponseCache(
  clock: Clock,
  logger: Logger,
  maxEntries: number,
  shared?: SharedResponseStore,
) {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, InFlight>();
  const negatives = new Map<string, NegativeEntry>();
  const stats = { hits: 0, misses: 0, coalesced: 0, staleServed: 0, negativeHits: 0 };

  const rememberNo = (key: string, path: string, error: unknown) => {
    if (!(error instanceof DattoError) || !NEGATIVE_KINDS.has(error.kind)) return;
    negatives.delete(key);
    negatives.set(key, { error, at: clock.now(), path });
    while (negatives.size > NEGATIVE_MAX_ENTRIES) negatives.delete(negatives.keys().next().value!);
  };

  const store = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  /** Another instance's fresh answer, or Datto's (then offered to the others). */
  async function loadShared(
    key: string,
    path: string,
    options: CachedReadOptions,
    loader: (signal: AbortSignal) => Promise<unknown>,
    signal: AbortSignal,
    discarded: () => boolean,
  ): Promise<Entry> {
    if (!shared) return { data: await loader(signal), fetchedAt: clock.now(), path };
    const fresh = (hit: { data: unknown; fetchedAt: number } | null) =>
      hit !== null && clock.now() - hit.fetchedAt < options.maxAgeMs ? { ...hit, path } : null;
    const hit = fresh(await shared.get(key).catch(() => null));
    if (hit) return hit;
    // A read that must be fresh now (max age 0) cannot use another's answer: no claim, no wait.
    // Redis unreachable: read here, as one instance would.
    const claimed =
      options.maxAgeMs <= 0 || (await shared.claimLoad(key, LOAD_CLAIM_MS).catch(() => true));
    if (!claimed) {
      const theirs = await answerOfOther(shared, key, fresh, signal);
      if (theirs) return theirs;
    } else if (options.maxAgeMs > 0) {
      // Another instance may have read, answered and ended its claim between our get and claim.
      const late = fresh(await shared.get(key).catch(() => null));
      if (late) {
        shared.releaseLoad(key);
        return late;
      }
    }
    try {
      const entry = { data: await loader(signal), fetchedAt: clock.now(), path };
      const ttlMs = Math.max(1_000, options.maxAgeMs + options.staleWhileRevalidateMs);
      // Not when a write here or elsewhere invalidated it meanwhile (the flight is discarded then).
      if (!discarded()) shared.set(key, path, entry, ttlMs);
      return entry;
    } finally {
      // After the set on the same connection: a waiter that sees the claim end finds the answer.
      if (claimed && options.maxAgeMs > 0) shared.releaseLoad(key);
    }
  }

  /**
   * Another instance's answer to a miss it claimed, once it is there; null when its claim ended
   * without one (Datto said no, the answer was too big to share) or the wait ran out.
   */
  async function answerOfOther(
    store: SharedResponseStore,
    key: string,
    fresh: (hit: { data: unknown; fetchedAt: number } | null) => Entry | null,
    signal: AbortSignal,
  ): Promise<Entry | null> {
    const giveUpAt = clock.now() + LOAD_WAIT_MS;
    while (clock.now() < giveUpAt) {
      await clock.sleep(LOAD_POLL_MS, signal);
      // The claim first: its holder sets the answer before it ends the claim, so a claim seen
      // ended means the answer (if any) is there to get.
      const stillClaimed = await store.loadClaimed(key).catch(() => false);
      const theirs = fresh(await store.get(key).catch(() => null));
      if (theirs) return theirs;
      if (!stillClaimed) return null;
    }
    return null;
  }

  function load(
    key: string,
    path: string,
    loader: (signal: AbortSignal) => Promise<unknown>,
    options: CachedReadOptions,
  ) {
    const running = inFlight.get(key);
    if (running) {
      stats.coalesced += 1;
      return running;
    }
    stats.misses += 1;
    const controller = new AbortController();
    const flight: InFlight = { controller, waiters: 0, discard: false, path, promise: null! };
    flight.promise = loadShared(key, path, options, loader, controller.signal, () => flight.discard)
      .then(
        (entry) => {
          if (!flight.discard) {
            store(key, entry);
            negatives.delete(key);
          }
          return entry;
        },
        (error: unknown) => {
          if (!flight.discard) rememberNo(key, path, error);
          throw error;
        },
      )
      .finally(() => {
        if (inFlight.get(key) === flight) inFlight.delete(key);
      });
    // Waiters get the rejection through their own race; this only keeps an abandoned load quiet.
    flight.promise.catch(() => undefined);
    inFlight.set(key, flight);
    return flight;
  }

  /** Waits for a shared load; the load is aborted only when every waiter has given up. */
  async function wait(flight: InFlight, signal: AbortSignal | undefined): Promise<Entry> {
    if (signal?.aborted) throw signal.reason;
    flight.waiters += 1;
    const onAbort = () => {
      flight.waiters -= 1;
      if (flight.waiters === 0) flight.controller.abort(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await raceSignal(flight.promise, signal);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      if (!signal?.aborted) flight.waiters -= 1;
    }
  }

  shared?.onInvalidate(invalidateHere);

  return {
    async read<T>(
      key: string,
      path: string,
      options: CachedReadOptions,
      loader: (signal: AbortSignal) => Promise<T>,
    ): Promise<Fresh<T>> {
      const no = negatives.get(key);
      if (no && clock.now() - no.at < Math.min(NEGATIVE_TTL_MS, options.maxAgeMs)) {
        stats.negativeHits += 1;
        throw no.error;
      }
      const cached = entries.get(key);
      const age = cached ? clock.now() - cached.fetchedAt : Infinity;
      if (cached && age < options.maxAgeMs) {
        stats.hits += 1;
        store(key, cached);
        return { data: cached.data as T, fetchedAt: cached.fetchedAt, stale: false };
      }
      if (cached && age < options.maxAgeMs + options.staleWhileRevalidateMs) {
        stats.hits += 1;
        const flight = load(key, path, loader, options);
        flight.waiters += 1; // the refresh itself: callers joining it later cannot cancel it
        flight.promise.catch((error: unknown) =>
          logger.debug("background refresh failed", { kind: (error as DattoError).kind }),
        );
        return { data: cached.data as T, fetchedAt: cached.fetchedAt, stale: false };
      }
      try {
        const entry = await wait(load(key, path, loader, options), options.signal);
        return { data: entry.data as T, fetchedAt: entry.fetchedAt, stale: false };
      } catch (error) {
        if (cached && error instanceof DattoError && UNAVAILABLE_KINDS.has(error.kind)) {
          stats.staleServed += 1;
          return { data: cached.data as T, fetchedAt: cached.fetchedAt, stale: true };
        }
        throw error;
      }
    },
    invalidate(prefix: string) {
      invalidateHere(prefix);
      shared?.invalidate(prefix);
    },
    stats: () => ({ entries: entries.size, negatives: negatives.size, ...stats }),
  };

  function invalidateHere(prefix: string) {
    for (const [key, entry] of entries) if (entry.path.startsWith(prefix)) entries.delete(key);
    for (const [key, entry] of negatives) if (entry.path.startsWith(prefix)) negatives.delete(key);
    for (const [key, flight] of inFlight) {
      if (flight.path.startsWith(prefix)) {
        flight.discard = true;
        inFlight.delete(key);
      }
    }
  }
}
