import { DATTO_FINAL_STATUSES, TARGET_STATUSES, type TargetStatus } from "../contract/jobs";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { LiveBus } from "../live/live-bus";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { Store } from "../store/port/store";
import { MIN_BACKOFF_MS, sentItem, storedItem, type Item } from "./tracked-item";

/** How often a watched run's targets are read: a change shows within 5 s (tick + poll + hint). */
export const WATCHED_POLL_MS = 3_000;
/** A run stays watched this long after someone last read it (the run page polls and listens). */
export const WATCH_FOR_MS = 30_000;
export const MAX_BACKOFF_MS = 3 * 60_000;
const TICK_MS = 1_000;
/** How often the running tracker looks in the store for targets sent by any instance. */
export const RESCAN_MS = 5_000;
const WINDOW_MS = 60_000;
/** Stored output per stream; the rest is cut with a note. */
const MAX_OUTPUT_CHARS = 200_000;

export type TrackerStats = {
  tracked: number;
  watchedRuns: number;
  readsLastMinute: number;
  readCap: number;
  readsTotal: number;
};

/**
 * The one job tracker of the server (not one per viewer). It polls each sent target's result,
 * watched runs first (someone has the page open: every WATCHED_POLL_MS), the rest with a back-off
 * from 10 s up to 3 minutes; it stops polling a target once Datto calls it final and then fetches
 * stdout/stderr once, only when flagged. It spends at most `share` of the read budget per rolling
 * minute whatever the number of running jobs (background priority), and resumes from the store.
 * With several instances only the leader runs it (decision 0030): while running it picks up every
 * Pending or Running target in the store every RESCAN_MS, whichever instance sent it.
 */
export interface JobTracker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One round: polls what is due within the read cap. */
  tick(): Promise<void>;
  /** Loads every unfinished target (and unfetched output) from the store, keeping those it has. */
  resume(): Promise<void>;
  add(runId: string, deviceUid: string, jobUid: string): void;
  /** Someone has this run open. */
  watch(runId: string): void;
  stats(): TrackerStats;
}

const isDattoStatus = (s: string | null | undefined): s is TargetStatus =>
  s != null && (TARGET_STATUSES as readonly string[]).includes(s);

export function createJobTracker(deps: {
  store: Store;
  datto: DattoApi;
  clock: Clock;
  logger: Logger;
  live: LiveBus;
  readsPerMinute: number;
  share: number;
  tickMs?: number;
  rescanMs?: number;
}): JobTracker {
  const { store, datto, clock, logger, live } = deps;
  const readCap = Math.max(1, Math.floor(deps.readsPerMinute * deps.share));
  const tickMs = deps.tickMs ?? TICK_MS;
  const rescanMs = deps.rescanMs ?? RESCAN_MS;
  const items = new Map<string, Item>();
  const watched = new Map<string, number>();
  const reads: number[] = [];
  let readsTotal = 0;
  let controller = new AbortController();
  let loop: Promise<void> | null = null;
  let ticking: Promise<void> | null = null;

  const key = (runId: string, deviceUid: string) => `${runId}\u0000${deviceUid}`;
  const isWatched = (runId: string) => (watched.get(runId) ?? 0) > clock.now();

  const pruneReads = () => {
    const cutoff = clock.now() - WINDOW_MS;
    while (reads.length > 0 && reads[0]! <= cutoff) reads.shift();
  };
  const spend = () => {
    reads.push(clock.now());
    readsTotal += 1;
  };

  const hint = (runId: string) =>
    live.publish({ topic: "jobs", kind: "progress", id: runId, at: clock.now() });

  function due(item: Item, now: number) {
    if (item.nextAt <= now) return true;
    return isWatched(item.runId) && now - item.lastPolledAt >= WATCHED_POLL_MS;
  }

  async function pollStatus(item: Item) {
    const now = clock.now();
    item.lastPolledAt = now;
    spend();
    try {
      const { data } = await datto.getJobResults(item.jobUid, item.deviceUid, {
        priority: "background",
        maxAgeMs: 0,
        signal: controller.signal,
      });
      const status = isDattoStatus(data.jobDeploymentStatus) ? data.jobDeploymentStatus : null;
      if (status === null) {
        logger.warn("job result with an unknown deployment status", {
          status: String(data.jobDeploymentStatus).slice(0, 40),
        });
      }
      const results = data.componentResults ?? [];
      const hasStdout = results.some((r) => r.hasStdOut === true);
      const hasStderr = results.some((r) => r.hasStdErr === true);
      const final = status !== null && DATTO_FINAL_STATUSES.includes(status);
      if (status !== null && status !== item.status) {
        item.status = status;
        item.intervalMs = MIN_BACKOFF_MS;
        await store.jobRuns.updateTarget(item.runId, item.deviceUid, {
          status,
          ranOn: data.ranOn ?? null,
          warnings: results.reduce((sum, r) => sum + (r.numberOfWarnings ?? 0), 0),
          hasStdout,
          hasStderr,
          ...(final ? { finishedAt: clock.now() } : {}),
        });
        hint(item.runId);
      } else {
        item.intervalMs = Math.min(MAX_BACKOFF_MS, item.intervalMs * 2);
      }
      if (final) {
        if (hasStdout || hasStderr) {
          Object.assign(item, { kind: "output", stdout: hasStdout, stderr: hasStderr });
          item.nextAt = clock.now();
        } else {
          items.delete(key(item.runId, item.deviceUid));
          await store.jobRuns.updateTarget(item.runId, item.deviceUid, { outputFetched: true });
        }
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      item.intervalMs = Math.min(MAX_BACKOFF_MS, item.intervalMs * 2);
      logger.warn("job result not read", {
        error: error instanceof DattoError ? error.message : String(error),
      });
    }
    item.nextAt = clock.now() + item.intervalMs;
  }

  async function readStd(item: Item, which: "stdout" | "stderr"): Promise<string> {
    spend();
    const read = which === "stdout" ? datto.getJobStdout : datto.getJobStderr;
    const { data } = await read(item.jobUid, item.deviceUid, {
      priority: "background",
      maxAgeMs: 0,
      signal: controller.signal,
    });
    const text = data.map((d) => d.stdData ?? "").join("\n");
    return text.length > MAX_OUTPUT_CHARS
      ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n[output cut at ${MAX_OUTPUT_CHARS} characters]`
      : text;
  }

  async function fetchOutput(item: Item) {
    item.lastPolledAt = clock.now();
    try {
      const stdout = item.stdout ? await readStd(item, "stdout") : null;
      const stderr = item.stderr ? await readStd(item, "stderr") : null;
      items.delete(key(item.runId, item.deviceUid));
      await store.jobRuns.updateTarget(item.runId, item.deviceUid, {
        stdout,
        stderr,
        outputFetched: true,
      });
      hint(item.runId);
    } catch (error) {
      if (controller.signal.aborted) return;
      item.intervalMs = Math.min(MAX_BACKOFF_MS, item.intervalMs * 2);
      item.nextAt = clock.now() + item.intervalMs;
      logger.warn("job output not read", {
        error: error instanceof DattoError ? error.message : String(error),
      });
    }
  }

  async function round() {
    const now = clock.now();
    for (const [runId, until] of watched) if (until <= now) watched.delete(runId);
    const ready = [...items.values()]
      .filter((item) => due(item, now))
      .sort(
        (a, b) => Number(isWatched(b.runId)) - Number(isWatched(a.runId)) || a.nextAt - b.nextAt,
      );
    for (const item of ready) {
      if (controller.signal.aborted) return;
      pruneReads();
      const cost = item.kind === "output" ? Number(item.stdout) + Number(item.stderr) : 1;
      if (reads.length + cost > readCap) return;
      if (item.kind === "output") await fetchOutput(item);
      else await pollStatus(item);
    }
  }

  const tick = () => {
    ticking ??= round().finally(() => {
      ticking = null;
    });
    return ticking;
  };

  function add(runId: string, deviceUid: string, jobUid: string) {
    items.set(key(runId, deviceUid), sentItem(runId, deviceUid, jobUid, clock.now()));
  }

  /** Tracks the stored targets in `statuses` not tracked yet (sent here or by another instance). */
  async function load(statuses: readonly TargetStatus[]) {
    const now = clock.now();
    const before = items.size;
    for (const t of await store.jobRuns.targetsIn(statuses)) {
      if (!t.dattoJobUid || items.has(key(t.runId, t.deviceUid))) continue;
      const item = storedItem(t, now);
      if (item) items.set(key(t.runId, t.deviceUid), item);
    }
    if (items.size > before) logger.info("job tracker picked up", { targets: items.size - before });
  }

  return {
    resume: () => load(["Pending", "Running", ...DATTO_FINAL_STATUSES]),
    async start() {
      if (loop) return;
      controller = new AbortController();
      const signal = controller.signal;
      loop = (async () => {
        // Everything unfinished at first (outputs too), then what any instance sent since.
        let scanned = await load(["Pending", "Running", ...DATTO_FINAL_STATUSES]).then(
          () => clock.now(),
          (error: unknown) => {
            logger.warn("job tracker could not resume", { error: String(error) });
            return 0;
          },
        );
        while (!signal.aborted) {
          try {
            if (clock.now() - scanned >= rescanMs) {
              scanned = clock.now();
              await load(["Pending", "Running"]);
            }
            await tick();
          } catch (error) {
            logger.warn("job tracker round failed", { error: String(error) });
          }
          await clock.sleep(tickMs, signal).catch(() => {});
        }
      })();
    },
    async stop() {
      controller.abort(new Error("Job tracker stopped."));
      await loop;
      await ticking;
      loop = null;
      // Another instance may lead now: it tracks from the store; this one starts afresh if it
      // leads again.
      items.clear();
    },
    tick,
    add,
    watch(runId) {
      watched.set(runId, clock.now() + WATCH_FOR_MS);
    },
    stats() {
      pruneReads();
      return {
        tracked: items.size,
        watchedRuns: [...watched.values()].filter((u) => u > clock.now()).length,
        readsLastMinute: reads.length,
        readCap,
        readsTotal,
      };
    },
  };
}
