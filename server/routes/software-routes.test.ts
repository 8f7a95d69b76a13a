import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SoftwareList } from "../contract/software";
import type { SoftwareSearchResponse } from "../contract/software";
import { createManualClock } from "../lib/clock";
import type { TestClient } from "../testing/test-client";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** 40 devices synced into the fleet index; a viewer signed in. */
const testApp = testAppsClosedAfterEach({ devices: 40, seed: 7 });
async function synced() {
  const t = await testApp();
  return Object.assign(t, { viewer: await t.signIn("viewer") });
}

describe("GET /api/software/search", () => {
  it("starts a crawl at once, reports progress, then every match with versions", async () => {
    const t = await synced();
    const sample = t.sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
    const own = await t.viewer.getJson<SoftwareList>(`/api/devices/${sample.uid}/software`);
    const title = own.items.find((i) => i.name.length > 6)!.name;
    const needle = title.slice(1, 6).toUpperCase();

    const first = await t.viewer.getJson<SoftwareSearchResponse>(
      `/api/software/search?name=${encodeURIComponent(needle)}`,
    );
    const scope = t.sim.tenant.listDevices().filter((d) => d.deviceClass === "device");
    expect(first.progress).toMatchObject({ state: "crawling", total: scope.length });
    expect(first.progress.done).toBeLessThan(scope.length);

    await t.software.idle();
    const done = await t.viewer.getJson<SoftwareSearchResponse>(
      `/api/software/search?name=${encodeURIComponent(needle)}`,
    );
    expect(done.progress).toEqual({ state: "done", done: scope.length, total: scope.length });
    expect(done.matches.map((m) => m.deviceUid)).toContain(sample.uid);
    expect(done.matches.every((m) => m.name.toLowerCase().includes(needle.toLowerCase()))).toBe(
      true,
    );
    expect(done.versions.reduce((n, v) => n + v.count, 0)).toBe(done.matchCount);
    expect(done.deviceCount).toBe(new Set(done.matches.map((m) => m.deviceUid)).size);

    // Cross-check one matched device against its own software list from Datto.
    const other = done.matches.find((m) => m.deviceUid !== sample.uid) ?? done.matches[0]!;
    const list = await t.viewer.getJson<SoftwareList>(`/api/devices/${other.deviceUid}/software`);
    expect(list.items).toContainEqual({ name: other.name, version: other.version });

    // Cached: a second search costs Datto nothing.
    const before = t.sim.control.counters();
    const again = await t.viewer.getJson<SoftwareSearchResponse>("/api/software/search?name=micro");
    expect(again.progress.state).toBe("done");
    expect(t.sim.control.counters()).toEqual(before);
  });

  it("narrows to one site and refuses a too-short name", async () => {
    const t = await synced();
    const site = t.sim.tenant.listSites()[0]!;
    const res = await t.viewer.getJson<SoftwareSearchResponse>(
      `/api/software/search?name=windows&siteUid=${site.uid}`,
    );
    const scope = t.sim.tenant
      .listDevices()
      .filter((d) => d.deviceClass === "device" && d.siteUid === site.uid);
    expect(res.scope).toEqual({ siteUid: site.uid, siteName: site.name });
    expect(res.progress.total).toBe(scope.length);
    await t.software.idle();
    const done = await t.viewer.getJson<SoftwareSearchResponse>(
      `/api/software/search?name=windows&siteUid=${site.uid}`,
    );
    expect(done.matches.every((m) => m.siteName === site.name)).toBe(true);
    const short = await t.viewer.request("/api/software/search?name=x");
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("at least 2 characters");
  });

  it("answers from the lists stored before a restart, without reading them from Datto again", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-restart-"));
    const clock = createManualClock();
    const search = (client: TestClient) =>
      client.getJson<SoftwareSearchResponse>("/api/software/search?name=micro");
    try {
      const first = await testApp({ dataDir, clock });
      await search(await first.signIn("viewer"));
      await first.software.idle();
      const before = await search(await first.signIn("viewer"));
      expect(before.progress.state).toBe("done");
      expect(before.matchCount).toBeGreaterThan(0);
      await first.close();

      // The restart walks the fleet again (sites and devices), but reads no software list.
      const second = await testApp({ dataDir, clock });
      second.sim.control.resetCounters();
      const after = await search(await second.signIn("viewer"));
      expect(after).toEqual(before);
      expect(second.software.pending()).toBe(0);
      expect(second.sim.control.counters().byRoute).toEqual({});
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("GET /api/software/search/export.csv", () => {
  it("streams every match the view keeps, in its order, without asking Datto", async () => {
    const t = await synced();
    t.software.search("windows", null);
    await t.software.idle();
    const view = "name=windows&sort=hostname&dir=desc";
    const listed = await t.viewer.getJson<SoftwareSearchResponse>(`/api/software/search?${view}`);
    const version = listed.versions[0]!.version;

    const before = t.sim.control.counters();
    const res = await t.viewer.request(
      `/api/software/search/export.csv?${view}&version=${encodeURIComponent(version)}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="software-windows-/,
    );
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe('"Device","Site","Software","Version"');
    const rows = lines.slice(1);
    const kept = listed.matches.filter((m) => m.version === version);
    expect(rows).toHaveLength(listed.versions[0]!.count);
    expect(rows.map((r) => r.split('","')[0]!.slice(1))).toEqual(kept.map((m) => m.hostname));
    expect(t.sim.control.counters()).toEqual(before);
  });

  it("refuses a version together with unversioned, saying which to drop", async () => {
    const t = await synced();
    for (const path of ["/api/software/search", "/api/software/search/export.csv"]) {
      const res = await t.viewer.request(`${path}?name=windows&version=1.0&unversioned=true`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("unversioned cannot be combined with a version");
    }
  });

  it("shares the export slots with the device export", async () => {
    const t = await synced();
    const devices = await t.viewer.request("/api/devices/export.csv");
    const software = await t.viewer.request("/api/software/search/export.csv?name=windows");
    expect([devices.status, software.status]).toEqual([200, 200]);
    const third = await t.viewer.request("/api/software/search/export.csv?name=chrome");
    expect(third.status).toBe(429);
    await devices.text();
    await software.body!.cancel();
    const again = await t.viewer.request("/api/software/search/export.csv?name=chrome");
    expect(again.status).toBe(200);
    await again.text();
  });
});
