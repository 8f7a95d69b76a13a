import type { FilterMembership } from "../contract/devices";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";

/** The filter lists are read as the filter picker reads them: cached, shared by everyone. */
const FILTER_LIST_READ = { priority: "interactive" as const, maxAgeMs: 10 * 60_000 };
/** A membership older than this is refreshed in the background while it keeps being served. */
const REFRESH_AFTER_MS = 5 * 60_000;
/** A filter nobody asked about for this long is forgotten (its uid set can be 50,000 strings). */
const FORGET_AFTER_MS = 30 * 60_000;
const MAX_FILTERS = 50;

/** A filterId that is not one of the account's default or custom filters (answered 404). */
export class UnknownFilterError extends Error {
  override name = "UnknownFilterError";
  constructor(readonly filterId: number) {
    super(
      `There is no Datto filter ${filterId} among this account's default and custom filters. Pick one from the filter list.`,
    );
  }
}

type Entry = {
  uids: ReadonlySet<string> | null;
  fetchedAt: number | null;
  lastUsedAt: number;
  resolving: Promise<void> | null;
  progress: { pagesDone: number; pagesTotal: number | null };
  lastError: string | null;
};

export type FilterLookup = { membership: FilterMembership; uids: ReadonlySet<string> | null };

/**
 * Which devices a Datto saved filter holds, resolved in the background and kept, so the device
 * list answers from the fleet index at once. Datto can only say it by listing every device of the
 * filter (account/devices?filterId=, ~150 reads at 50,000 devices): the first request starts that
 * walk at background priority and answers "resolving" with progress; later ones answer from the
 * kept set. Only ids in the account's default and custom filter lists are walked, so made-up ids
 * cost nothing beyond those two cached lists.
 */
export function createFilterMembership(deps: { datto: DattoApi; clock: Clock; logger: Logger }) {
  const { datto, clock, logger } = deps;
  const entries = new Map<number, Entry>();

  async function assertKnown(filterId: number) {
    const [defaults, custom] = await Promise.all([
      datto.listDefaultFilters(FILTER_LIST_READ),
      datto.listCustomFilters(FILTER_LIST_READ),
    ]);
    const known = [...defaults.data, ...custom.data].some((f) => f.id === filterId);
    if (!known) {
      throw new UnknownFilterError(filterId);
    }
  }

  function resolve(filterId: number, entry: Entry) {
    entry.progress = { pagesDone: 0, pagesTotal: null };
    entry.resolving = datto
      .listAccountDevices(
        { filterId },
        {
          priority: "background",
          maxAgeMs: 0,
          onProgress: ({ pagesDone, pagesTotal }) => (entry.progress = { pagesDone, pagesTotal }),
        },
      )
      .then(
        (list) => {
          entry.uids = new Set(list.data.map((d) => d.uid));
          entry.fetchedAt = list.fetchedAt;
          entry.lastError = null;
        },
        (error: unknown) => {
          entry.lastError =
            error instanceof DattoError ? error.message : "Reading the filter from Datto failed.";
          logger.warn("datto filter membership not read", { filterId, error: entry.lastError });
        },
      )
      .finally(() => (entry.resolving = null));
  }

  function forgetIdle(now: number) {
    for (const [id, entry] of entries) {
      if (now - entry.lastUsedAt > FORGET_AFTER_MS && !entry.resolving) entries.delete(id);
    }
    while (entries.size > MAX_FILTERS) entries.delete(entries.keys().next().value!);
  }

  return {
    /** Throws UnknownFilterError for an id that is not one of the account's filters. */
    async lookup(filterId: number): Promise<FilterLookup> {
      await assertKnown(filterId);
      const now = clock.now();
      forgetIdle(now);
      let entry = entries.get(filterId);
      if (!entry) {
        entry = {
          uids: null,
          fetchedAt: null,
          lastUsedAt: now,
          resolving: null,
          progress: { pagesDone: 0, pagesTotal: null },
          lastError: null,
        };
        entries.set(filterId, entry);
      }
      entry.lastUsedAt = now;
      const due = entry.fetchedAt === null || now - entry.fetchedAt >= REFRESH_AFTER_MS;
      // After a failure, the next request (not a timer) tries again: nobody asking, nothing spent.
      if (due && !entry.resolving) resolve(filterId, entry);
      const membership: FilterMembership = {
        filterId,
        state: entry.uids ? "ready" : entry.resolving ? "resolving" : "error",
        fetchedAt: entry.fetchedAt,
        pagesDone: entry.progress.pagesDone,
        pagesTotal: entry.progress.pagesTotal,
        lastError: entry.lastError,
      };
      return { membership, uids: entry.uids };
    },
    /** Waits for every walk in progress (tests, shutdown). */
    async settled(): Promise<void> {
      await Promise.all([...entries.values()].map((e) => e.resolving));
    },
  };
}

export type FilterMembershipService = ReturnType<typeof createFilterMembership>;
