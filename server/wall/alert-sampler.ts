import type { AlertCounts } from "../contract/alerts";
import type { WallTrend } from "../contract/wall";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { AlertSample, WallSampleRepo } from "../store/port/wall-repos";
import type { WallAlertSource } from "./wall-sources";

export const SAMPLE_EVERY_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** Kept in the store a little longer than shown, so a restart still draws a full day. */
const KEEP_MS = 2 * DAY_MS;
/** Points of the sparkline: one per 10 minutes over 24 h (the highest sample of each). */
export const TREND_POINTS = 144;
const BUCKET_MS = DAY_MS / TREND_POINTS;

const PRIORITIES = ["critical", "high", "moderate", "low", "information"] as const;

/**
 * Samples the open-alert counts once a minute (issue 12) and keeps them, in the store and the last
 * 24 h in memory, for the wall's trend sparklines. A minute whose counts could not be read (Datto
 * down) records nothing: the sparkline shows a gap, never a made-up value. Explicit start/stop/tick
 * so a multi-instance deployment runs it on the leader only.
 */
export function createAlertSampler(deps: {
  source: WallAlertSource;
  samples: WallSampleRepo;
  clock: Clock;
  logger: Logger;
}) {
  const { source, samples, clock, logger } = deps;
  /** The last 24 h, oldest first, at most one per minute. */
  let recent: AlertSample[] = [];
  let controller: AbortController | null = null;
  let loop: Promise<void> | null = null;
  let ticking: Promise<void> | null = null;

  const minuteOf = (at: number) => Math.floor(at / SAMPLE_EVERY_MS) * SAMPLE_EVERY_MS;

  function remember(sample: AlertSample) {
    const cutoff = clock.now() - DAY_MS;
    const kept = recent.filter((s) => s.at >= cutoff && s.at !== sample.at);
    kept.push(sample);
    kept.sort((a, b) => a.at - b.at);
    recent = kept;
  }

  async function sampleNow() {
    const reading = await source.current();
    if (reading.fetchedAt === null || reading.problem !== null) return;
    const sample: AlertSample = { at: minuteOf(clock.now()), ...countsOf(reading.counts) };
    remember(sample);
    try {
      await samples.put(sample);
      await samples.deleteBefore(clock.now() - KEEP_MS);
    } catch (error) {
      logger.warn("wall alert sample not saved", {
        error: error instanceof Error ? error.message : "unknown error",
      });
    }
  }

  const tick = () => {
    ticking ??= sampleNow().finally(() => {
      ticking = null;
    });
    return ticking;
  };

  return {
    /** Loads the stored day, then samples now and at the start of every minute. */
    async start() {
      if (loop) return;
      controller = new AbortController();
      const { signal } = controller;
      recent = await samples.since(clock.now() - DAY_MS);
      loop = (async () => {
        while (!signal.aborted) {
          await tick();
          try {
            const now = clock.now();
            await clock.sleep(minuteOf(now) + SAMPLE_EVERY_MS - now, signal);
          } catch {
            return;
          }
        }
      })();
    },
    async stop() {
      controller?.abort(new Error("The wall's alert sampler stopped."));
      await loop;
      await ticking;
      loop = null;
    },
    tick,
    /**
     * On a follower of several instances (server/coord/) the leader samples; this reloads the
     * stored day so every instance's walls draw the same trend.
     */
    async loadStored(): Promise<boolean> {
      recent = await samples.since(clock.now() - DAY_MS);
      return true;
    },
    /** How many samples are held in memory (bounded by one day of minutes). */
    held: () => recent.length,
    /** The last 24 h in TREND_POINTS buckets ending now; null where no sample was taken. */
    trend(): WallTrend {
      const end = clock.now();
      const start = end - DAY_MS;
      const at = Array.from({ length: TREND_POINTS }, (_, i) => start + (i + 1) * BUCKET_MS);
      const series = Object.fromEntries(
        PRIORITIES.map((p) => [p, new Array<number | null>(TREND_POINTS).fill(null)]),
      ) as Record<(typeof PRIORITIES)[number], Array<number | null>>;
      for (const s of recent) {
        if (s.at < start) continue;
        const i = Math.min(TREND_POINTS - 1, Math.floor((s.at - start) / BUCKET_MS));
        for (const p of PRIORITIES) series[p][i] = Math.max(series[p][i] ?? 0, s[p]);
      }
      return { at, ...series };
    },
  };
}

const countsOf = (c: AlertCounts): AlertCounts => ({
  total: c.total,
  critical: c.critical,
  high: c.high,
  moderate: c.moderate,
  low: c.low,
  information: c.information,
});

export type AlertSampler = ReturnType<typeof createAlertSampler>;
