import { afterEach, describe, expect, it } from "vitest";
import { SOFTWARE_MATCH_LIMIT } from "../contract/software";
import { createTestApp, type TestApp } from "../testing/create-test-app";
import { naturalKey } from "./sort-keys";

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

describe("software search: version filter and order over every match, not the first listed", () => {
  /** 1,500 devices whose software is known: "Chrome" 1.0 on most, 2.0 on every fifth. */
  async function known() {
    const t = await app(1_500);
    const scope = t.fleet.snapshot().devices.filter((d) => d.deviceClass === "device");
    scope.forEach((d, i) => {
      const version = i % 5 === 4 ? "2.0" : "1.0";
      t.software.remember(d.uid, [{ name: "Chrome", version }], t.clock.now());
    });
    return { t, scope };
  }

  it("filters by a version among all matches, past the listed ones", async () => {
    const { t, scope } = await known();
    expect(scope.length).toBeGreaterThan(SOFTWARE_MATCH_LIMIT);
    const all = t.software.search("chrome", null);
    expect(all).toMatchObject({ matchCount: scope.length, filteredCount: scope.length });
    expect(all.matches).toHaveLength(SOFTWARE_MATCH_LIMIT);
    expect(all.truncated).toBe(true);

    const newer = t.software.search("chrome", null, { version: "2.0" });
    const expected = scope.filter((_, i) => i % 5 === 4).map((d) => d.uid);
    expect(newer.filteredCount).toBe(expected.length);
    expect(newer.matches.map((m) => m.deviceUid)).toEqual(expected);
    // The breakdown still has every version, to pick another.
    expect(newer.versions.map((v) => v.version)).toEqual(["1.0", "2.0"]);
    expect(newer.matchCount).toBe(scope.length);
    expect(t.software.search("chrome", null, { unversioned: true }).filteredCount).toBe(0);
  });

  it("sorts every match before listing the first ones, and exports them all in that order", async () => {
    const { t, scope } = await known();
    // The device table's order: "PC-2" before "PC-10".
    const natural = (a: string, b: string) => (naturalKey(a) < naturalKey(b) ? -1 : 1);
    const last = scope
      .map((d) => d.hostname)
      .sort(natural)
      .at(-1);
    const desc = t.software.search("chrome", null, { sort: "hostname", dir: "desc" });
    expect(desc.matches[0]!.hostname).toBe(last);
    const listed = desc.matches.map((m) => m.hostname);
    expect(listed).toEqual([...listed].sort(natural).reverse());

    const exported = t.software.matches("chrome", null, { sort: "version", dir: "desc" });
    expect(exported).toHaveLength(scope.length);
    expect(exported[0]!.version).toBe("2.0");
    expect(exported.at(-1)!.version).toBe("1.0");
    // The export asks Datto nothing and queues nothing.
    expect(t.software.pending()).toBe(0);
  });
});
