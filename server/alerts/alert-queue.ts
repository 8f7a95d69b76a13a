import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { z } from "zod";
import { actorId, actorName, type Actor } from "../contract/actor";
import {
  AlertDetailSchema,
  QueueAlertSchema,
  type AlertClaim,
  type AlertCounts,
  type AlertDetail,
  type QueueAlert,
} from "../contract/alerts";
import type { Freshness } from "../contract/freshness";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { DattoAlert } from "../datto/schemas/alert";
import { recordEvent } from "../events/record-event";
import { addAlert, emptyAlertCounts } from "../fleet/alert-counts";
import { fleetFreshness } from "../fleet/fleet-freshness";
import { mapAlert, mapAlertExtras } from "../fleet/map-alert";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { LiveBus } from "../live/live-bus";
import type { Store } from "../store/port/store";
import { searchText, type Searchable } from "./queue-query";

/** Start to start: a poll of 5,000 alerts (20 pages) ends well inside the 60 s promise. */
export const POLL_INTERVAL_MS = 45_000;
const RETRY_AFTER_FAILURE_MS = 30_000;
/** "Recently resolved" is the last day. */
export const RESOLVED_KEEP_MS = 24 * 3_600_000;
/** Disappeared alerts whose resolver we ask Datto for, per poll (one read each). */
const RESOLVER_LOOKUPS_PER_POLL = 10;
const SNAPSHOT_NAME = "open-alerts";
const SNAPSHOT_FORMAT = 1;

type Extras = Omit<AlertDetail, keyof QueueAlert>;
/** One open alert as the poller keeps it: the row without the claim (claims live in the store). */
type Entry = { row: QueueAlert; extras: Extras; text: string };

export interface OpenAlertsSnapshot {
  /** Every open alert with its claim, most urgent first then newest. */
  alerts: QueueAlert[];
  fetchedAt: number | null;
  freshness: Freshness;
}

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
 * to "recently resolved". `start()/stop()/tick()` so only a leader instance needs to run it.
 */
export function createAlertQueue(deps: AlertQueueDeps) {
  const { datto, clock, logger, store, live } = deps;
  const interval = deps.intervalMs ?? POLL_INTERVAL_MS;
  let open = new Map<string, Entry>();
  let fetchedAt: number | null = null;
  let polledSinceStart = false;
  let lastError: string | null = null;
  let lastErrorAt: number | null = null;
  /** Resolves sent whose outcome is unknown, who sent them and when: the next list settles each. */
  const unknownOutcomes = new Map<string, { actor: Actor; sentAt: number }>();
  let running: Promise<void> | null = null;
  let controller = new AbortController();
  let loop: Promise<void> | null = null;

  const withClaim = (row: QueueAlert, claims: ReadonlyMap<string, AlertClaim>): QueueAlert => ({
    ...row,
    claim: claims.get(row.alertUid) ?? null,
    resolveOutcome: unknownOutcomes.has(row.alertUid) ? "unknown" : null,
  });

  function toEntry(a: DattoAlert, now: number, firstSeenAt: number): Entry {
    const mapped = mapAlert(a, now);
    const row: QueueAlert = {
      alertUid: mapped.alertUid,
      priority: mapped.priority,
      timestamp: mapped.timestamp,
      contextClass: mapped.contextClass,
      contextSummary: mapped.contextSummary,
      deviceUid: mapped.deviceUid,
      deviceName: mapped.deviceName,
      siteUid: mapped.siteUid,
      siteName: mapped.siteName,
      firstSeenAt,
      claim: null,
      resolveOutcome: null,
      resolved: false,
      resolution: null,
    };
    const extras = mapAlertExtras(a);
    return { row, extras, text: searchText(row, extras.diagnostics) };
  }

  function countsByDevice(entries: Iterable<Entry>): Map<string, AlertCounts> {
    const counts = new Map<string, AlertCounts>();
    for (const { row } of entries) {
      if (!row.deviceUid) continue;
      let c = counts.get(row.deviceUid);
      if (!c) counts.set(row.deviceUid, (c = emptyAlertCounts()));
      addAlert(c, row.priority);
    }
    return counts;
  }

  async function persist() {
    try {
      const entries = [...open.values()].map((e) => ({ row: e.row, extras: e.extras }));
      const payload = await promisify(gzip)(JSON.stringify({ entries }));
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
      const parsed = StoredSchema.safeParse(
        JSON.parse((await promisify(gunzip)(stored.payload)).toString("utf8")),
      );
      if (!parsed.success) return false;
      const next = new Map<string, Entry>();
      for (const { row, extras } of parsed.data.entries) {
        next.set(row.alertUid, { row, extras, text: searchText(row, extras.diagnostics) });
      }
      const previous = open;
      open = next;
      fetchedAt = stored.fetchedAt;
      deps.onCounts?.(countsByDevice(open.values()), stored.fetchedAt);
      // A follower's own resolves of unknown outcome: settled by a list read after they were sent.
      if (newer) await settleUnknownOutcomes(previous, next, clock.now(), stored.fetchedAt);
      if (newer) polledSinceStart = true;
      return true;
    } catch (error) {
      logger.warn("open alerts snapshot not loaded", { error: errorText(error) });
      return false;
    }
  }

  /** Who resolved an alert that left the list, from Datto's own field (one read each, capped). */
  async function dattoResolver(uid: string): Promise<{ by: string | null; at: number | null }> {
    try {
      const read = await datto.getAlert(uid, {
        priority: "background",
        maxAgeMs: 0,
        signal: controller.signal,
      });
      return { by: read.data.resolvedBy ?? null, at: read.data.resolvedOn ?? null };
    } catch {
      return { by: null, at: null };
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
    const next = new Map<string, Entry>();
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

    await settleUnknownOutcomes(previous, next, now);
    if (gone.length > 0) await recordGone(gone, now);
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

  async function settleUnknownOutcomes(
    previous: ReadonlyMap<string, Entry>,
    next: ReadonlyMap<string, Entry>,
    now: number,
    listedAt = Infinity,
  ) {
    for (const [uid, { actor, sentAt }] of [...unknownOutcomes]) {
      if (sentAt > listedAt) continue;
      unknownOutcomes.delete(uid);
      const stillOpen = next.has(uid);
      const row = previous.get(uid)?.row;
      await store.transaction(async (tx) => {
        if (!stillOpen && row) {
          const claim = await tx.alertClaims.get(uid);
          await tx.alertResolutions.record({
            alertUid: uid,
            via: "deck",
            actor: actorName(actor),
            actorKind: actor.kind,
            actorId: actorId(actor),
            resolvedAt: now,
            alert: {
              ...row,
              claim,
              resolved: true,
              resolution: { via: "deck", by: actorName(actor), at: now },
            },
          });
        }
        await recordEvent(tx.events, actor, {
          kind: "alert.resolve_settled",
          target: uid,
          // The alert left the open list (resolved) or is still listed (the resolve did not land).
          detail: { resolved: !stillOpen },
        });
      });
    }
  }

  async function recordGone(gone: readonly Entry[], now: number) {
    const claims = await store.alertClaims.list();
    let lookups = 0;
    for (const entry of gone) {
      const uid = entry.row.alertUid;
      const ours = await store.alertResolutions.get(uid);
      if (ours?.via === "deck") continue;
      const resolver =
        lookups++ < RESOLVER_LOOKUPS_PER_POLL ? await dattoResolver(uid) : { by: null, at: null };
      const at = resolver.at ?? now;
      const alert: QueueAlert = {
        ...entry.row,
        claim: claims.get(uid) ?? null,
        resolveOutcome: null,
        resolved: true,
        resolution: { via: "datto", by: resolver.by, at },
      };
      await store.alertResolutions.record({
        alertUid: uid,
        via: "datto",
        actor: resolver.by,
        actorKind: null,
        actorId: null,
        resolvedAt: at,
        alert,
      });
    }
    await store.alertClaims.removeMany(gone.map((e) => e.row.alertUid));
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

  /** Alerts resolved in the last 24 h, through RMM Deck or outside it, latest first. */
  async function recentlyResolved(): Promise<QueueAlert[]> {
    const records = await store.alertResolutions.listSince(clock.now() - RESOLVED_KEEP_MS);
    return records.map((r) => r.alert);
  }

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
    /** Every open alert with its claim, most urgent first, then newest. */
    async current(): Promise<OpenAlertsSnapshot> {
      const claims = await store.alertClaims.list();
      const alerts = [...open.values()].map((e) => withClaim(e.row, claims));
      alerts.sort(
        (a, b) =>
          PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
          (b.timestamp ?? 0) - (a.timestamp ?? 0),
      );
      return { alerts, fetchedAt, freshness: freshness() };
    },
    /** Alerts resolved in the last 24 h, through RMM Deck or outside it, latest first. */
    recentlyResolved,
    /** Rows for the queue query: open ones with their claims (free-text over diagnostics too). */
    async openRows(): Promise<Searchable[]> {
      const claims = await store.alertClaims.list();
      return [...open.values()].map((e) => {
        const alert = withClaim(e.row, claims);
        return { alert, text: alert.claim ? `${e.text}\n${searchText(alert, null)}` : e.text };
      });
    },
    async resolvedRows(): Promise<Searchable[]> {
      return (await recentlyResolved()).map((alert) => ({
        alert,
        text: `${searchText(alert, null)}\n${(alert.resolution?.by ?? "").toLowerCase()}`,
      }));
    },
    /** The open alert as last polled (no claim), or undefined. */
    openAlert: (uid: string): QueueAlert | undefined => open.get(uid)?.row,
    /** The open alert's detail with its claim, or null when it is not open. */
    async openDetail(uid: string): Promise<AlertDetail | null> {
      const entry = open.get(uid);
      if (!entry) return null;
      const claim = await store.alertClaims.get(uid);
      return AlertDetailSchema.parse({
        ...entry.row,
        claim,
        resolveOutcome: unknownOutcomes.has(uid) ? "unknown" : null,
        ...entry.extras,
      });
    },
    /** The device's open alerts. */
    async openOfDevice(deviceUid: string): Promise<QueueAlert[]> {
      const claims = await store.alertClaims.list();
      return [...open.values()]
        .filter((e) => e.row.deviceUid === deviceUid)
        .map((e) => withClaim(e.row, claims));
    },
    /**
     * Datto confirmed a resolve we sent: the alert leaves the open list now (the next poll agrees)
     * and its record says who. Answers the record's row, or null when it was not listed open.
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
      const row: QueueAlert = entry?.row ?? {
        alertUid: uid,
        priority: "Unknown",
        timestamp: null,
        contextClass: null,
        contextSummary: "Alert",
        deviceUid: null,
        deviceName: null,
        siteUid: null,
        siteName: null,
        firstSeenAt: at,
        claim: null,
        resolveOutcome: null,
        resolved: false,
        resolution: null,
      };
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

const PRIORITY_RANK: Record<QueueAlert["priority"], number> = {
  Critical: 0,
  High: 1,
  Moderate: 2,
  Low: 3,
  Information: 4,
  Unknown: 5,
};

const StoredSchema = z.object({
  entries: z.array(
    z.object({
      row: QueueAlertSchema,
      extras: AlertDetailSchema.pick({
        diagnostics: true,
        contextFields: true,
        responseActions: true,
        ticketNumber: true,
        sendsEmails: true,
        createsTicket: true,
        autoresolveMins: true,
      }),
    }),
  ),
});

const errorText = (error: unknown) => (error instanceof Error ? error.message : "unknown error");
