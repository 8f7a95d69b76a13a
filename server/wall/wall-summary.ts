import type { WallSummary } from "../contract/wall";
import type { DattoGateway } from "../datto/gateway/types";
import type { FleetIndex } from "../fleet/fleet-index";
import type { FleetSnapshot } from "../fleet/fleet-snapshot";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { AlertSampler } from "./alert-sampler";
import type { WallAlertSource, WallApprovalSource, WallJobSource } from "./wall-sources";

/** What every wall shares; each answer adds the asking wall's own settings and the time. */
export type SharedWallSummary = Omit<WallSummary, "wall" | "serverNow">;

const LISTED = 30;
const SITES = 12;
const DAY_MS = 24 * 60 * 60_000;
/** Datto states in which the numbers on the wall cannot be trusted to be current. */
const FAILING = new Set(["down", "blocked", "credentials-rejected", "rate-limited"]);

const isServer = (d: { deviceClass: string; deviceType: { category: string | null } }) =>
  d.deviceClass === "esxihost" || d.deviceType.category === "Server";

function offlineServers(snapshot: FleetSnapshot): SharedWallSummary["offlineServers"] {
  return snapshot.memo("wall:offline-servers", (devices) => {
    const offline = devices
      .filter((d) => isServer(d) && !d.online)
      .map((d) => ({ uid: d.uid, hostname: d.hostname, siteName: d.siteName, since: d.lastSeen }))
      .sort((a, b) => (a.since ?? 0) - (b.since ?? 0));
    return { total: offline.length, servers: offline.slice(0, LISTED) };
  });
}

function rankedSites(snapshot: FleetSnapshot): SharedWallSummary["sites"] {
  return snapshot.memo("wall:sites", () =>
    snapshot.siteRows
      .filter((s) => !s.isDeletedDevices && s.attention.score > 0)
      .sort((a, b) => b.attention.score - a.attention.score || a.name.localeCompare(b.name))
      .slice(0, SITES)
      .map((s) => ({
        uid: s.uid,
        name: s.name,
        score: s.attention.score,
        reason: s.attention.parts[0]?.label ?? null,
      })),
  );
}

const ago = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
};

/**
 * The one wall summary (issue 12, decision 0026): built at most once per refresh period, however
 * many walls ask, from what the server already holds (the fleet index, the open-alert source, the
 * sampler, the gateway's health). Twenty walls cost Datto what one costs, and a wall's request
 * costs the server one cached answer.
 */
export function createWallSummary(deps: {
  alerts: WallAlertSource;
  jobs: WallJobSource;
  approvals: WallApprovalSource;
  sampler: Pick<AlertSampler, "trend">;
  fleet: Pick<FleetIndex, "snapshot" | "freshness">;
  gateway: Pick<DattoGateway, "health">;
  clock: Clock;
  logger: Logger;
  refreshSeconds: number;
}) {
  const { clock, refreshSeconds } = deps;
  const refreshMs = refreshSeconds * 1000;
  let cached: SharedWallSummary | null = null;
  let building: Promise<SharedWallSummary> | null = null;
  let builds = 0;

  async function settled<T>(what: string, read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      deps.logger.warn(`wall: ${what} could not be read`, {
        error: error instanceof Error ? error.message : "unknown error",
      });
      return fallback;
    }
  }

  async function build(): Promise<SharedWallSummary> {
    builds += 1;
    const now = clock.now();
    const unreadable = (what: string) => ({
      available: false as const,
      reason: `${what} could not be read.`,
    });
    const [alerts, jobFailures, approvals] = await Promise.all([
      deps.alerts.current(),
      settled("job failures", () => deps.jobs.failuresSince(now - DAY_MS), unreadable("Job runs")),
      settled("approvals", () => deps.approvals.pending(), unreadable("Approvals")),
    ]);
    const snapshot = deps.fleet.snapshot();
    const fleetFreshness = deps.fleet.freshness();
    const health = deps.gateway.health();
    const problems: string[] = [];
    if (FAILING.has(health.state)) {
      problems.push(`Datto is failing: ${(health.detail ?? health.state).replace(/\.$/, "")}.`);
    }
    if (alerts.problem) problems.push(alerts.problem);
    else if (alerts.fetchedAt !== null && now - alerts.fetchedAt > 5 * 60_000) {
      problems.push(`Open alerts were last read ${ago(now - alerts.fetchedAt)} ago.`);
    }
    if (fleetFreshness.stale && fleetFreshness.reason) problems.push(fleetFreshness.reason);
    const summary: SharedWallSummary = {
      generatedAt: now,
      refreshSeconds,
      healthy: problems.length === 0,
      problems,
      alerts: {
        fetchedAt: alerts.fetchedAt,
        counts: alerts.counts,
        trend: deps.sampler.trend(),
        urgent: alerts.urgent.slice(0, LISTED),
        urgentTotal: alerts.urgent.length,
      },
      offlineServers: offlineServers(snapshot),
      sites: rankedSites(snapshot),
      fleetFetchedAt: snapshot.fetchedAt,
      jobFailures,
      approvals,
      datto: {
        state: health.state,
        detail: health.detail,
        lastSuccessAt: health.lastSuccessAt,
        readsUsed: health.budget.readsUsed,
        readsLimit: health.budget.readsLimit,
        windowSeconds: health.budget.windowSeconds,
      },
    };
    cached = summary;
    return summary;
  }

  return {
    /**
     * The shared summary of the current refresh period: periods are fixed slices of the clock
     * (every 15 s on the quarter minute), and the first wall to ask in a period builds the one
     * every wall gets until the next. So the work and the Datto reads follow the clock, never
     * the number of walls or when each one asks.
     */
    get(): Promise<SharedWallSummary> {
      const period = Math.floor(clock.now() / refreshMs);
      if (cached && Math.floor(cached.generatedAt / refreshMs) === period) {
        return Promise.resolve(cached);
      }
      building ??= build().finally(() => {
        building = null;
      });
      return building;
    },
    /** How many summaries were built (the benchmark's measure of server work). */
    builds: () => builds,
  };
}

export type WallSummaryCache = ReturnType<typeof createWallSummary>;
