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
 * Datto, and a fresh answer is put there for the others. Best effort: when two instances miss at
 * the same moment both may ask Datto (each still within the shared budget). Invalidations reach
 * every instance through `onInvalidate`.
 */
export interface SharedResponseStore {
  get(key: string): Promise<{ data: unknown; fetchedAt: number } | null>;
  set(key: string, path: string, entry: { data: unknown; fetchedAt: number }, ttlMs: number): void;
  invalidate(prefix: string): void;
  onInvalidate(listener: (prefix: string) => void): void;
}

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
    const hit = await shared.get(key).catch(() => null);
    if (hit && clock.now() - hit.fetchedAt < options.maxAgeMs) return { ...hit, path };
    const entry = { data: await loader(signal), fetchedAt: clock.now(), path };
    const ttlMs = Math.max(1_000, options.maxAgeMs + options.staleWhileRevalidateMs);
    // Not when a write here or elsewhere invalidated it meanwhile (the flight is discarded then).
    if (!discarded()) shared.set(key, path, entry, ttlMs);
    return entry;
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
