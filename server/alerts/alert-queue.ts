import { actorName, type Actor } from "../contract/actor";
import type { AlertClaim, AlertCounts, QueueAlert } from "../contract/alerts";
import type { Freshness } from "../contract/freshness";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { fleetFreshness } from "../fleet/fleet-freshness";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { LiveBus } from "../live/live-bus";
import type { Store } from "../store/port/store";
import {
  recordResolvedElsewhere,
  settleUnknownOutcomes,
  type UnknownOutcome,
} from "./left-open-list";
import {
  countsByDevice,
  errorText,
  toEntry,
  unlistedRow,
  type OpenAlertEntry,
} from "./open-alert-entry";
import { createOpenAlertViews, RESOLVED_KEEP_MS } from "./open-alert-views";
import {
  decodeOpenAlerts,
  encodeOpenAlerts,
  SNAPSHOT_FORMAT,
  SNAPSHOT_NAME,
} from "./open-alerts-snapshot";

export { RESOLVED_KEEP_MS, type OpenAlertsSnapshot } from "./open-alert-views";

/** Start to start: a poll of 5,000 alerts (20 pages) ends well inside the 60 s promise. */
export const POLL_INTERVAL_MS = 45_000;
const RETRY_AFTER_FAILURE_MS = 30_000;

export interface AlertQueueDeps {
  datto: DattoApi;
  clock: Clock;
  logger: Logger;
  store: Pick<Store, "alertClaims" | "alertResolutions" | "fleetSnapshots" | "transaction">;
  live: LiveBus;
  /** Where the per-device open-alert counts go after each poll (the fleet index). */
  onCounts?: (counts: ReadonlyMap<string, AlertCounts>, fetchedAt: number) => void;
  intervalMs?: number;
}

/**
 * The open-alert queue: ONE poller per deployment reads `account/alerts/open` (every page) at
 * background priority inside the gateway's shared read budget, however many people look. An
 * alert that leaves the list is resolved (by Datto, auto-resolve, the Datto portal or us) and moves
 * to "recently resolved" (left-open-list.ts). `start()/stop()/tick()` so only a leader instance
 * needs to run it; the reads over the list are in open-alert-views.ts.
 */
export function createAlertQueue(deps: AlertQueueDeps) {
  const { datto, clock, logger, store, live } = deps;
  const interval = deps.intervalMs ?? POLL_INTERVAL_MS;
  let open = new Map<string, OpenAlertEntry>();
  let fetchedAt: number | null = null;
  let polledSinceStart = false;
  let lastError: string | null = null;
  let lastErrorAt: number | null = null;
  /** Resolves sent whose outcome is unknown, who sent them and when: the next list settles each. */
  const unknownOutcomes = new Map<string, UnknownOutcome>();
  let running: Promise<void> | null = null;
  let controller = new AbortController();
  let loop: Promise<void> | null = null;

  async function persist() {
    try {
      const payload = await encodeOpenAlerts(open.values());
      await store.fleetSnapshots.save(
        { fetchedAt: fetchedAt ?? clock.now(), format: SNAPSHOT_FORMAT, payload },
        SNAPSHOT_NAME,
      );
    } catch (error) {
      logger.warn("open alerts not saved", { error: errorText(error) });
    }
  }

  /** The saved list: at start when nothing is loaded, or (a follower) when it is newer. */
  async function load(newer = false): Promise<boolean> {
    try {
      if (newer) {
        const stamp = await store.fleetSnapshots.stamp(SNAPSHOT_NAME);
        if (!stamp || (fetchedAt !== null && stamp.fetchedAt <= fetchedAt)) return false;
      }
      const stored = await store.fleetSnapshots.load(SNAPSHOT_NAME);
      if (!stored || stored.format !== SNAPSHOT_FORMAT) return false;
      if (newer ? fetchedAt !== null && stored.fetchedAt <= fetchedAt : fetchedAt !== null) {
        return false;
      }
      const next = await decodeOpenAlerts(stored.payload);
      if (!next) return false;
      const previous = open;
      open = next;
      fetchedAt = stored.fetchedAt;
      deps.onCounts?.(countsByDevice(open.values()), stored.fetchedAt);
      // A follower's own resolves of unknown outcome: settled by a list read after they were sent.
      if (newer) {
        await settleUnknownOutcomes(
          store,
          unknownOutcomes,
          previous,
          next,
          clock.now(),
          stored.fetchedAt,
        );
      }
      if (newer) polledSinceStart = true;
      return true;
    } catch (error) {
      logger.warn("open alerts snapshot not loaded", { error: errorText(error) });
      return false;
    }
  }

  async function poll() {
    const read = await datto.listOpenAlerts({
      priority: "background",
      maxAgeMs: 0,
      signal: controller.signal,
    });
    const now = clock.now();
    if (read.stale) {
      // The gateway's last copy, served because Datto could not be reached: not a new list.
      lastError = "Datto could not be reached";
      lastErrorAt = now;
      return;
    }
    const previous = open;
    const next = new Map<string, OpenAlertEntry>();
    for (const a of read.data) {
      if (a.resolved) continue;
      const firstSeenAt = previous.get(a.alertUid)?.row.firstSeenAt ?? now;
      next.set(a.alertUid, toEntry(a, now, firstSeenAt));
    }
    const gone = [...previous.values()].filter((e) => !next.has(e.row.alertUid));
    const added = [...next.keys()].filter((uid) => !previous.has(uid));
    // The one place the served list changes: a single assignment of a complete one.
    open = next;
    fetchedAt = read.fetchedAt;
    polledSinceStart = true;
    lastError = null;
    deps.onCounts?.(countsByDevice(next.values()), read.fetchedAt);

    await settleUnknownOutcomes(store, unknownOutcomes, previous, next, now);
    if (gone.length > 0) {
      await recordResolvedElsewhere(store, datto, controller.signal, gone, now);
    }
    // An alert listed open again (a resolve Datto did not keep) is open, whatever we recorded.
    const reopened = added;
    if (reopened.length > 0) await store.alertResolutions.removeMany(reopened);
    await store.alertResolutions.pruneBefore(now - RESOLVED_KEEP_MS);
    // Stored first: with several instances the hint makes followers load what was stored.
    await persist();
    if (gone.length > 0 || added.length > 0) {
      live.publish({ topic: "alerts", kind: "polled", id: null, at: now });
    }
    logger.debug("open alerts polled", { open: next.size, added: added.length, gone: gone.length });
  }

  async function runTick() {
    try {
      await poll();
    } catch (error) {
      lastErrorAt = clock.now();
      lastError = error instanceof DattoError ? error.message : "Reading open alerts failed.";
      if (controller.signal.aborted) return;
      const log = error instanceof DattoError ? logger.warn : logger.error;
      log.call(logger, "open alerts poll failed; keeping the last list", {
        error: errorText(error),
      });
    }
  }

  const tick = () => {
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  };

  const freshness = (): Freshness =>
    fleetFreshness({
      fetchedAt,
      syncedSinceStart: polledSinceStart,
      partsStale: false,
      lastError,
      lastErrorAt,
      now: clock.now(),
      maxAgeMs: 2 * interval,
    });

  const views = createOpenAlertViews({
    store,
    clock,
    open: () => open,
    unknownOutcomes,
    fetchedAt: () => fetchedAt,
    freshness,
  });

  return {
    /** Loads the saved list (served as stale), then polls now and every interval. */
    async start() {
      if (loop) return;
      controller = new AbortController();
      const { signal } = controller;
      await load();
      loop = (async () => {
        while (!signal.aborted) {
          await tick();
          try {
            const failed = lastErrorAt !== null && lastError !== null;
            await clock.sleep(
              failed ? Math.min(interval, RETRY_AFTER_FAILURE_MS) : interval,
              signal,
            );
          } catch {
            return;
          }
        }
      })();
    },
    async stop() {
      controller.abort(new Error("The alert queue stopped."));
      await loop;
      await running;
      loop = null;
    },
    /** One poll now (joins the one in progress). Never rejects: failures land in freshness(). */
    tick,
    /** Several instances: a follower serves the list the leader polled and stored (if newer). */
    loadStored: () => load(true),
    /** Resolves when no poll is in progress (tests, benches). */
    settled: async () => {
      while (running) await running;
    },
    freshness,
    fetchedAt: () => fetchedAt,
    hasPolled: () => fetchedAt !== null,
    ...views,
    /**
     * Datto confirmed a resolve we sent: the alert leaves the open list now (the next poll agrees)
     * and its record says who. Answers the record's row (only the uid known if it was not listed).
     */
    resolvedNow(uid: string, actor: Actor, at: number, claim: AlertClaim | null): QueueAlert {
      const entry = open.get(uid);
      unknownOutcomes.delete(uid);
      if (entry) {
        const next = new Map(open);
        next.delete(uid);
        open = next;
        deps.onCounts?.(countsByDevice(next.values()), fetchedAt ?? at);
      }
      const row = entry?.row ?? unlistedRow(uid, at);
      return {
        ...row,
        claim,
        resolveOutcome: null,
        resolved: true,
        resolution: { via: "deck", by: actorName(actor), at },
      };
    },
    /** A resolve was sent and its outcome is unknown: shown as such until the next poll. */
    outcomeUnknown(uid: string, actor: Actor) {
      unknownOutcomes.set(uid, { actor, sentAt: clock.now() });
    },
  };
}

export type AlertQueue = ReturnType<typeof createAlertQueue>;
