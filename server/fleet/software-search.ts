import {
  SOFTWARE_MATCH_LIMIT,
  type SoftwareItem,
  type SoftwareMatch,
  type SoftwareMatchView,
  type SoftwareSearchResponse,
} from "../contract/software";
import type { DeviceRow } from "../contract/devices";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { SoftwareCatalogRepo } from "../store/port/software-catalog-repo";
import { createCrawlPace } from "./crawl-pace";
import type { FleetIndex } from "./fleet-index";
import { mapSoftware } from "./map-software";
import { createSoftwareCatalog } from "./software-catalog";
import { versionCounts, viewMatches } from "./software-matches";

export interface SoftwareSearchDeps {
  datto: DattoApi;
  fleet: FleetIndex;
  clock: Clock;
  logger: Logger;
  /** How long a device's software list is reused. */
  ttlMs?: number;
  /** Software audits fetched at once (background priority, within the shared budget). */
  concurrency?: number;
  /** Keeps the lists read across restarts, so a restart does not crawl the fleet again. */
  stored?: SoftwareCatalogRepo | null;
  /** A list was stored (several instances: the others reload the stored lists, decision 0030). */
  onStored?: () => void;
}

const FAILURE_RETRY_MS = 10 * 60_000;

/**
 * "Which devices have X, which version": built from per-device software audits fetched in the
 * background and cached. A search never waits for Datto: it queues the devices it still needs
 * and answers at once with progress, the time left at the pace so far (the shared budget sets it:
 * about 360 reads a minute, so 50,000 devices take over two hours) or the outage that stops it,
 * and the matches known so far; the UI polls.
 */
export function createSoftwareSearch(deps: SoftwareSearchDeps) {
  const { datto, fleet, clock, logger } = deps;
  const ttl = deps.ttlMs ?? 6 * 60 * 60_000;
  const concurrency = deps.concurrency ?? 4;
  const catalog = createSoftwareCatalog();
  const failedAt = new Map<string, number>();
  const queue = new Set<string>();
  let workers = 0;
  // Workers and writes to the store still running: stop() waits for them.
  const running = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  const controller = new AbortController();
  const pace = createCrawlPace(() => clock.now(), concurrency);

  const isFresh = (uid: string) => {
    const entry = catalog.get(uid);
    return entry !== undefined && clock.now() - entry.fetchedAt < ttl;
  };
  const recentlyFailed = (uid: string) =>
    clock.now() - (failedAt.get(uid) ?? -Infinity) < FAILURE_RETRY_MS;

  /** Into memory at once, then into the store; a failed write only costs a read after a restart. */
  async function keep(uid: string, items: SoftwareItem[], fetchedAt: number) {
    catalog.put(uid, items, fetchedAt);
    try {
      await deps.stored?.put(uid, items, fetchedAt);
      if (deps.stored) deps.onStored?.();
    } catch (error) {
      logger.warn("software list not saved", {
        device: uid,
        error: error instanceof Error ? error.message : "unknown",
      });
    }
  }

  async function fetchOne(uid: string) {
    try {
      const list = await datto.listDeviceSoftware(uid, {
        priority: "background",
        maxAgeMs: ttl,
        signal: controller.signal,
      });
      failedAt.delete(uid);
      pace.succeeded();
      await keep(uid, mapSoftware(list.data), list.fetchedAt);
    } catch (error) {
      failedAt.set(uid, clock.now());
      pace.failed(error);
      logger.debug("software audit not read", {
        device: uid,
        error: error instanceof Error ? error.message : "unknown",
      });
    }
  }

  async function work() {
    workers += 1;
    try {
      while (!controller.signal.aborted) {
        const next = queue.values().next();
        if (next.done) return;
        queue.delete(next.value);
        await fetchOne(next.value);
      }
    } finally {
      workers -= 1;
      if (workers === 0 && queue.size === 0) pace.idle();
    }
  }

  function enqueue(uids: string[]) {
    for (const uid of uids) if (!isFresh(uid) && !recentlyFailed(uid)) queue.add(uid);
    if (queue.size > 0) pace.start();
    while (workers < concurrency && queue.size > workers) track(work());
  }

  const scopeOf = (siteUid: string | null) =>
    fleet
      .snapshot()
      .devices.filter(
        (d) => d.deviceClass === "device" && (siteUid === null || d.siteUid === siteUid),
      );

  /** The devices of `scope` with software named like `name`: one row per device and version. */
  function collect(scope: readonly DeviceRow[], name: string) {
    const named = catalog.matchPairs(name);
    const rows: SoftwareMatch[] = [];
    let devices = 0;
    for (const d of scope) {
      const before = rows.length;
      for (const id of catalog.get(d.uid)?.pairs ?? []) {
        if (named[id] !== 1) continue;
        const pair = catalog.pair(id);
        rows.push({ deviceUid: d.uid, hostname: d.hostname, siteName: d.siteName, ...pair });
      }
      if (rows.length > before) devices += 1;
    }
    return { rows, devices };
  }

  function search(
    name: string,
    siteUid: string | null,
    view: SoftwareMatchView = {},
  ): SoftwareSearchResponse {
    const snapshot = fleet.snapshot();
    const scope = scopeOf(siteUid);
    enqueue(scope.map((d) => d.uid));
    let done = 0;
    let failed = 0;
    let oldest: number | null = null;
    for (const d of scope) {
      const entry = catalog.get(d.uid);
      if (entry) oldest = Math.min(oldest ?? entry.fetchedAt, entry.fetchedAt);
      if (entry && !queue.has(d.uid)) done += 1;
      else if (recentlyFailed(d.uid)) failed += 1;
    }
    const { rows, devices } = collect(scope, name);
    const kept = viewMatches(rows, view);
    const pending = scope.length - done - failed;
    const perMinute = pending > 0 ? pace.perMinute() : null;
    return {
      query: name,
      scope: {
        siteUid,
        siteName: siteUid ? (snapshot.siteIndex.get(siteUid)?.name ?? null) : null,
      },
      progress: {
        done: done + failed,
        total: scope.length,
        state: pending > 0 ? "crawling" : failed > 0 ? "error" : "done",
      },
      estimate:
        perMinute === null
          ? null
          : {
              readsPerMinute: Math.round(perMinute),
              secondsLeft: Math.ceil((pending / perMinute) * 60),
            },
      outage: pace.outage(),
      matches: kept.slice(0, SOFTWARE_MATCH_LIMIT),
      matchCount: rows.length,
      deviceCount: devices,
      filteredCount: kept.length,
      truncated: kept.length > SOFTWARE_MATCH_LIMIT,
      versions: versionCounts(rows),
      freshness: {
        fetchedAt: oldest,
        stale: failed > 0,
        reason:
          failed > 0
            ? `${failed} devices' software could not be read from Datto; they are retried later.`
            : null,
      },
    };
  }

  return {
    search,
    /** Reads the lists kept by earlier runs; call once at start, before the first search. */
    async loadStored() {
      if (!deps.stored) return;
      const stored = await deps.stored.loadAll();
      catalog.restore(stored);
      logger.info("software lists loaded", { devices: stored.devices.length });
    },
    /** Every match known now, as `view` keeps and orders them (the export); asks Datto nothing. */
    matches: (name: string, siteUid: string | null, view: SoftwareMatchView = {}) =>
      viewMatches(collect(scopeOf(siteUid), name).rows, view),
    /** Lets the device page's software answer seed the cache the search uses. */
    remember: (uid: string, items: SoftwareItem[], fetchedAt: number) =>
      track(keep(uid, items, fetchedAt)),
    /** Devices still waiting to be read (for tests and status). */
    pending: () => queue.size + workers,
    /** Resolves once nothing is queued or in flight (yields to the event loop meanwhile). */
    async idle() {
      while (queue.size + workers > 0 && !controller.signal.aborted) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    /** Stops crawling and waits for the reads and writes under way. */
    async stop() {
      controller.abort(new Error("Software search stopped."));
      while (running.size > 0) await Promise.all(running);
    },
  };
}

export type SoftwareSearch = ReturnType<typeof createSoftwareSearch>;
