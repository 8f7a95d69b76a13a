import { describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../lib/clock";
import { createMemoryLogger } from "../lib/logger";
import type { AlertSample, WallSampleRepo } from "../store/port/wall-repos";
import { testAppsClosedAfterEach } from "../testing/test-apps";
import { createAlertSampler, TREND_POINTS, type AlertSampler } from "./alert-sampler";
import type { OpenAlertsReading, WallAlertSource } from "./wall-sources";

const testApp = testAppsClosedAfterEach({ devices: 30, seed: 5 });

/** Moves one minute on and waits for that minute's sample (tick() joins the one running). */
async function nextMinute(clock: ManualClock, sampler: AlertSampler) {
  await clock.advance(60_000);
  await sampler.tick();
}

const counts = (critical: number) => ({
  total: critical + 2,
  critical,
  high: 2,
  moderate: 0,
  low: 0,
  information: 0,
});

/** A source whose counts the test sets; `down` makes it fail as Datto would. */
function scriptedSource(clock: { now(): number }) {
  let critical = 0;
  let down = false;
  const source: WallAlertSource = {
    current: async (): Promise<OpenAlertsReading> => ({
      fetchedAt: clock.now(),
      problem: down ? "Datto could not be reached." : null,
      counts: counts(critical),
      urgent: [],
    }),
  };
  return {
    source,
    set: (n: number) => (critical = n),
    setDown: (value: boolean) => (down = value),
  };
}

function memorySamples(): WallSampleRepo & { rows: Map<number, AlertSample> } {
  const rows = new Map<number, AlertSample>();
  return {
    rows,
    put: async (s) => void rows.set(s.at, s),
    since: async (at) => [...rows.values()].filter((s) => s.at >= at).sort((a, b) => a.at - b.at),
    deleteBefore: async (at) => {
      let n = 0;
      for (const key of [...rows.keys()]) if (key < at && rows.delete(key)) n++;
      return n;
    },
  };
}

describe("the wall's alert sampler", () => {
  it("samples the open-alert counts each minute and keeps them across a restart", async () => {
    const t = await testApp();
    const scripted = scriptedSource(t.clock);
    const make = () =>
      createAlertSampler({
        source: scripted.source,
        samples: t.store.wallSamples,
        clock: t.clock,
        logger: t.logger,
      });
    const sampler = make();
    await sampler.start();
    for (let minute = 0; minute < 30; minute++) {
      scripted.set(minute % 5);
      await nextMinute(t.clock, sampler);
    }
    await sampler.stop();
    const stored = await t.store.wallSamples.since(0);
    expect(stored.length).toBeGreaterThanOrEqual(30);
    expect(new Set(stored.map((s) => s.at)).size).toBe(stored.length);
    expect(stored.every((s) => s.at % 60_000 === 0)).toBe(true);
    const trend = sampler.trend();
    expect(trend.at).toHaveLength(TREND_POINTS);
    expect(Math.max(...trend.critical.map((v) => v ?? 0))).toBe(4);
    expect(trend.high.filter((v) => v !== null).length).toBeGreaterThanOrEqual(3);

    // A new process (same store) draws the same day at once.
    const again = make();
    await again.start();
    await again.stop();
    expect(again.trend().critical.slice(0, -1)).toEqual(trend.critical.slice(0, -1));
  });

  it("records nothing for the minutes Datto could not be read: a gap, not a made-up value", async () => {
    const clock = createManualClock();
    const scripted = scriptedSource(clock);
    const samples = memorySamples();
    const sampler = createAlertSampler({
      source: scripted.source,
      samples,
      clock,
      logger: createMemoryLogger(),
    });
    scripted.set(3);
    await sampler.tick();
    scripted.setDown(true);
    await clock.advance(60_000);
    await sampler.tick();
    expect(samples.rows.size).toBe(1);
  });

  it("holds at most one day of samples over a long run", async () => {
    const clock = createManualClock();
    const scripted = scriptedSource(clock);
    const samples = memorySamples();
    const sampler = createAlertSampler({
      source: scripted.source,
      samples,
      clock,
      logger: createMemoryLogger(),
    });
    await sampler.start();
    for (let minute = 0; minute < 3 * 24 * 60; minute++) {
      scripted.set(minute % 7);
      await clock.advance(60_000);
    }
    await sampler.stop();
    expect(sampler.held()).toBeLessThanOrEqual(24 * 60 + 1);
    expect(samples.rows.size).toBeLessThanOrEqual(2 * 24 * 60 + 1);
    expect(sampler.trend().critical.every((v) => v !== null)).toBe(true);
  });
});
