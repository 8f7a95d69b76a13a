import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/create-test-app";

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close();
});

async function app(devices = 60) {
  const t = await createTestApp({ devices });
  apps.push(t);
  return t;
}

/** Lets the crawl's workers run for `ms` of the manual clock. */
async function crawlFor(t: TestApp, ms: number, step = 1_000) {
  for (let waited = 0; waited < ms; waited += step) {
    await t.clock.advance(step);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("software search: pace and outage", () => {
  it("says the pace of the last minute and the time left at it, then nothing once done", async () => {
    // 400 devices: more than the background share of the budget reads in the 12 s watched.
    const t = await app(400);
    const first = t.services.software.search("chrome", null);
    expect(first.progress.state).toBe("crawling");
    expect(first.estimate).toBeNull();
    expect(first.outage).toBeNull();

    await crawlFor(t, 12_000, 100);
    const mid = t.services.software.search("chrome", null);
    expect(mid.progress.state).toBe("crawling");
    const left = mid.progress.total - mid.progress.done;
    expect(mid.estimate).not.toBeNull();
    expect(mid.estimate!.readsPerMinute).toBeGreaterThan(0);
    expect(mid.estimate!.secondsLeft).toBeGreaterThanOrEqual(
      Math.floor((left / mid.estimate!.readsPerMinute) * 60),
    );
    await crawlFor(t, 3 * 60_000, 1_000);
    await t.services.software.idle();
    const done = t.services.software.search("chrome", null);
    expect(done.progress.state).toBe("done");
    expect(done.estimate).toBeNull();
  });

  it("reports an outage when Datto stops answering, with Datto's reason, and clears it after", async () => {
    const t = await app();
    t.sim.control.setScenario("down");
    t.services.software.search("chrome", null);
    await crawlFor(t, 90_000);
    const down = t.services.software.search("chrome", null);
    expect(down.outage).not.toBeNull();
    expect(down.outage!.reason).toMatch(/Datto/);
    expect(down.outage!.since).toBeLessThanOrEqual(t.clock.now());

    // Failed devices are asked again 10 minutes later, by the next search; one answer ends it.
    t.sim.control.setScenario("normal");
    await crawlFor(t, 11 * 60_000, 10_000);
    t.services.software.search("chrome", null);
    await crawlFor(t, 10_000, 100);
    const back = t.services.software.search("chrome", null);
    expect(back.outage).toBeNull();
  });
});
