import type { AlertCounts } from "../contract/alerts";
import type { DeviceQuery, DeviceRow } from "../contract/devices";
import type { SiteQuery, SiteRow } from "../contract/sites";
import type { FleetSyncStatus } from "../contract/sync";
import type { Freshness } from "../contract/freshness";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { Priority } from "../datto/gateway/types";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { FleetSnapshotRepo } from "../store/port/fleet-repos";
import { queryDevices, type DeviceQueryResult } from "./device-query";
import { fleetFreshness } from "./fleet-freshness";
import {
  createSnapshot,
  withAlertCounts,
  type FleetSnapshot,
  type FleetSnapshotData,
} from "./fleet-snapshot";
import { createFilterMembership } from "./filter-membership";
import { walkFleet } from "./fleet-walk";
import { udfUsage } from "./udf-usage";
import { emptyAlertCounts } from "./alert-counts";
import {
  refreshedWithDevice,
  refreshedWithSite,
  withRefreshedRows,
  type RefreshedRows,
} from "./refresh-one";
import { querySites } from "./site-query";
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from "./snapshot-codec";

export interface FleetIndexDeps {
  datto: DattoApi;
  clock: Clock;
  logger: Logger;
  snapshots?: FleetSnapshotRepo | null;
  refreshIntervalMs?: number;
  /** After a full walk was swapped in and stored (several instances: followers then load it). */
  onSynced?: (fetchedAt: number) => void;
}

export interface FleetIndex {
  /** Loads the persisted snapshot (served as stale), then walks now and every interval. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A full walk; joins the one in progress if any. Never rejects: failures land in status(). */
  refreshAll(priority?: Priority): Promise<void>;
  /**
   * Re-read one site (with its devices) or one device from Datto now. The index changes only when
   * Datto answered; `stale` says it could not be reached. Rejects with the gateway's error (e.g.
   * not-found) when Datto failed and had nothing cached.
   */
  refreshSite(uid: string): Promise<Refreshed<SiteRow>>;
  refreshDevice(uid: string): Promise<Refreshed<DeviceRow>>;
  /**
   * Several instances: a follower serves the snapshot the leader walked and stored. Loads the
   * stored one when it is newer than the one served; true when it did.
   */
  loadStored(): Promise<boolean>;
  status(): FleetSyncStatus;
  freshness(): Freshness;
  /** The current complete snapshot; hold the reference for the whole of one answer. */
  snapshot(): FleetSnapshot;
  queryDevices(query: DeviceQuery, options?: { unlimited?: boolean }): Promise<DeviceQueryResult>;
  querySites(query: SiteQuery): SiteRow[];
  /**
   * Per-device open-alert counts from the alert queue's poller (the same data its list shows):
   * swapped in now when any device's counts changed, and used by later walks instead of a read.
   */
  applyAlertCounts(counts: ReadonlyMap<string, AlertCounts>): void;
  /** Several instances: rows another instance's "Refresh now" read, put in here too (0030). */
  adoptRefreshed(rows: RefreshedRows): void;
}

export type Refreshed<T> =
  { stale: false; fetchedAt: number; row: T } | { stale: true; fetchedAt: number };

const RETRY_AFTER_FAILURE_MS = 60_000;
const ZERO_COUNTS = emptyAlertCounts();
const COUNTS = ["total", "critical", "high", "moderate", "low", "information"] as const;
const sameCounts = (a: AlertCounts, b: AlertCounts) => COUNTS.every((k) => a[k] === b[k]);

const errorText = (error: unknown) => (error instanceof Error ? error.message : "unknown error");
/** Shown in the sync status to every signed-in user: only DattoError text is safe by construction. */
export const SYNC_FAILED_MESSAGE = "Fleet sync failed; the error was logged.";

export function createFleetIndex(deps: FleetIndexDeps): FleetIndex {
  const { datto, clock, logger } = deps;
  const interval = deps.refreshIntervalMs ?? 5 * 60_000;
  let current = createSnapshot(null);
  let syncedSinceStart = false;
  let partsStale = false;
  let lastErrorAt: number | null = null;
  let sync: FleetSyncStatus = {
    state: "idle",
    pagesDone: 0,
    pagesTotal: null,
    devicesDone: 0,
    devicesTotal: null,
    startedAt: null,
    finishedAt: null,
    lastError: null,
  };
  let running: Promise<void> | null = null;
  let polledCounts: ReadonlyMap<string, AlertCounts> | null = null;
  let controller = new AbortController();
  let loop: Promise<void> | null = null;
  const filters = createFilterMembership({ datto, clock, logger });

  // The one place the served snapshot changes: a single reference assignment of a complete one.
  const swap = (next: FleetSnapshotData | FleetSnapshot) => {
    current = "order" in next ? next : createSnapshot(next);
  };

  async function persist(data: FleetSnapshotData) {
    if (!deps.snapshots) return;
    try {
      const payload = await encodeSnapshot(data);
      await deps.snapshots.save({ fetchedAt: data.fetchedAt, format: SNAPSHOT_FORMAT, payload });
    } catch (error) {
      logger.warn("fleet snapshot not saved", { error: errorText(error) });
    }
  }

  async function walk(priority: Priority) {
    sync = {
      ...sync,
      state: "syncing",
      pagesDone: 0,
      pagesTotal: null,
      devicesDone: 0,
      devicesTotal: null,
      startedAt: clock.now(),
    };
    try {
      const result = await walkFleet(datto, clock, {
        signal: controller.signal,
        priority,
        alertCounts: polledCounts,
        onProgress: (progress) => {
          sync = { ...sync, ...progress };
        },
      });
      swap(result.data);
      syncedSinceStart = true;
      partsStale = result.stale;
      const devices = result.data.devices.length;
      sync = {
        ...sync,
        state: "idle",
        devicesDone: devices,
        devicesTotal: devices,
        finishedAt: clock.now(),
        lastError: null,
      };
      logger.info("fleet synced", {
        sites: result.data.sites.length,
        devices: result.data.devices.length,
        pages: sync.pagesDone,
      });
      await persist(result.data);
      deps.onSynced?.(result.data.fetchedAt);
    } catch (error) {
      lastErrorAt = clock.now();
      const isDatto = error instanceof DattoError;
      const lastError = isDatto ? error.message : SYNC_FAILED_MESSAGE;
      sync = { ...sync, state: "error", finishedAt: lastErrorAt, lastError };
      if (isDatto || controller.signal.aborted) {
        logger.warn("fleet sync failed; keeping the last good snapshot", {
          error: errorText(error),
        });
      } else {
        logger.error("fleet sync failed; keeping the last good snapshot", {
          error: errorText(error),
          stack: error instanceof Error ? error.stack : undefined,
        });
      }
    }
  }

  const refreshAll = (priority: Priority = "background") => {
    running ??= walk(priority).finally(() => {
      running = null;
    });
    return running;
  };

  async function load() {
    const stored = await deps.snapshots?.load();
    if (!stored) return;
    const data = await decodeSnapshot(stored.payload, stored.format);
    if (data && current.fetchedAt === null) {
      swap(data);
      logger.info("fleet snapshot loaded", {
        devices: data.devices.length,
        fetchedAt: data.fetchedAt,
      });
    }
  }

  return {
    async start() {
      if (loop) return;
      controller = new AbortController();
      const { signal } = controller;
      await load();
      loop = (async () => {
        while (!signal.aborted) {
          await refreshAll("background");
          try {
            // After a failure, try again sooner (the gateway still paces and honours blocks).
            const failed = sync.state === "error";
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
      controller.abort(new Error("The fleet index stopped."));
      await loop;
      await running;
      await filters.settled();
      loop = null;
    },
    refreshAll,
    adoptRefreshed: (rows) => swap(withRefreshedRows(current, rows)),
    async refreshSite(uid) {
      const read = await refreshedWithSite(datto, current, uid);
      if (read.stale) return read;
      swap(read.data);
      const row = current.siteRowIndex.get(uid)!;
      return { stale: false, fetchedAt: read.fetchedAt, row };
    },
    async refreshDevice(uid) {
      const read = await refreshedWithDevice(datto, current, uid);
      if (read.stale) return read;
      swap(read.data);
      const row = current.devices[current.deviceIndex.get(uid)!]!;
      return { stale: false, fetchedAt: read.fetchedAt, row };
    },
    async loadStored() {
      const stamp = await deps.snapshots?.stamp();
      if (!stamp || (current.fetchedAt !== null && stamp.fetchedAt <= current.fetchedAt)) {
        return false;
      }
      const stored = await deps.snapshots!.load();
      const data = stored ? await decodeSnapshot(stored.payload, stored.format) : null;
      if (!data || (current.fetchedAt !== null && data.fetchedAt <= current.fetchedAt))
        return false;
      swap(data);
      syncedSinceStart = true;
      partsStale = false;
      return true;
    },
    status: () => sync,
    freshness: () =>
      fleetFreshness({
        fetchedAt: current.fetchedAt,
        syncedSinceStart,
        partsStale,
        lastError: sync.lastError,
        lastErrorAt,
        now: clock.now(),
        maxAgeMs: interval * 3,
      }),
    snapshot: () => current,
    async queryDevices(query, options = {}) {
      const snapshot = current;
      const now = clock.now();
      const unlimited = options.unlimited ? { unlimited: true } : {};
      if (query.filterId === undefined) return queryDevices(snapshot, query, { now, ...unlimited });
      const { membership, uids } = await filters.lookup(query.filterId);
      if (!uids) {
        const offset = query.offset ?? 0;
        const udfInUse = udfUsage(snapshot);
        return { total: 0, offset, limit: 0, rows: [], udfInUse, filter: membership };
      }
      const result = queryDevices(snapshot, query, { now, onlyUids: uids, ...unlimited });
      return { ...result, filter: membership };
    },
    querySites: (query) => querySites(current.siteRows, query),
    applyAlertCounts(counts) {
      polledCounts = counts;
      const snapshot = current;
      if (snapshot.fetchedAt === null) return;
      let changed = false;
      const devices = snapshot.devices.map((d) => {
        const next = counts.get(d.uid) ?? ZERO_COUNTS;
        if (sameCounts(d.openAlerts, next)) return d;
        changed = true;
        return { ...d, openAlerts: { ...next } };
      });
      if (changed) swap(withAlertCounts(snapshot, devices));
    },
  };
}
