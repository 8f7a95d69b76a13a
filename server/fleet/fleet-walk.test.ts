import { describe, expect, it } from "vitest";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { walkFleet } from "./fleet-walk";
import type { WalkProgress } from "./sync-progress";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const SITES = "GET /v2/account/sites";
const ACCOUNT_DEVICES = "GET /v2/account/devices";
const SITE_DEVICES = "GET /v2/site/{siteUid}/devices";
const OPEN_ALERTS = "GET /v2/account/alerts/open";
const pages = (items: number) => Math.max(1, Math.ceil(items / 250));

const testApp = testAppsClosedAfterEach({ syncFleet: false });
const setup = (devices: number, wrapDatto?: (datto: DattoApi) => DattoApi) =>
  testApp({ devices, ...(wrapDatto ? { wrapDatto } : {}) });

/** One walk with the upstream reads it caused and every progress report it made. */
async function walk(t: TestApp) {
  t.sim.control.resetCounters();
  const progress: WalkProgress[] = [];
  const result = await walkFleet(t.datto, t.clock, {
    signal: new AbortController().signal,
    priority: "background",
    onProgress: (p) => progress.push(p),
  });
  const reports = progress.map((p): [number, number | null] => [p.pagesDone, p.pagesTotal]);
  return { result, reports, progress, reads: t.sim.control.counters().byRoute };
}

/** What walking every site's own list finds: each device with its site. */
const placed = (devices: ReadonlyArray<{ uid: string; siteUid?: string | null }>) =>
  devices.map((d) => `${d.uid}@${d.siteUid}`).sort();

describe("fleet walk: account device pages plus only the sites whose counts disagree", () => {
  it("reads account pages and only the Deleted Devices site, and misses no device", async () => {
    const t = await setup(1_500);
    const tenant = t.sim.tenant.listDevices();
    const deletedSite = t.sim.tenant.listSites().find((s) => s.name === "Deleted Devices")!;
    const deleted = tenant.filter((d) => d.deleted).length;
    expect(deleted).toBeGreaterThan(0);
    expect(deletedSite.devicesStatus.numberOfDevices).toBe(deleted);

    const { result, reports, reads } = await walk(t);

    expect(reads[ACCOUNT_DEVICES]).toBe(pages(tenant.length - deleted));
    expect(reads[SITE_DEVICES]).toBe(pages(deleted));
    expect(placed(result.data.devices)).toEqual(placed(tenant));
    expect(result.data.devices.filter((d) => d.siteUid === deletedSite.uid)).toHaveLength(deleted);
    expect(result.data.sites).toHaveLength(t.sim.tenant.listSites().length);

    // Same set as the old site-by-site walk over the same tenant.
    const perSite = await Promise.all(
      result.data.sites.map((s) => t.datto.listSiteDevices(s.uid, {}, { maxAgeMs: 0 })),
    );
    expect(placed(result.data.devices)).toEqual(placed(perSite.flatMap((l) => l.data)));

    const walkReads = reads[SITES]! + reads[ACCOUNT_DEVICES]! + reads[SITE_DEVICES]!;
    expect(reads[OPEN_ALERTS]).toBe(pages(t.sim.tenant.openAlerts().length));
    expect(reports.at(-1)).toEqual([
      walkReads + reads[OPEN_ALERTS]!,
      walkReads + reads[OPEN_ALERTS]!,
    ]);
    for (const [done, total] of reports)
      if (total !== null) expect(done).toBeLessThanOrEqual(total);
    const dones = reports.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it("counts devices read of the account's devices, known from the site list on", async () => {
    const t = await setup(1_500);
    const tenant = t.sim.tenant.listDevices().length;
    const { progress } = await walk(t);

    // Sites come first and carry each site's device count: the total is known before any device.
    const firstDevice = progress.findIndex((p) => p.devicesDone > 0);
    expect(progress[firstDevice - 1]).toMatchObject({ devicesDone: 0, devicesTotal: tenant });
    // Then it grows a page of devices at a time, to every device of the account.
    const dones = progress.map((p) => p.devicesDone);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(dones).toContain(250);
    expect(progress.at(-1)).toMatchObject({ devicesDone: tenant, devicesTotal: tenant });
    for (const p of progress)
      if (p.devicesTotal !== null) expect(p.devicesDone).toBeLessThanOrEqual(p.devicesTotal);
  });

  it("does not promise a device total when a site does not say how many it has", async () => {
    const t = await setup(600, (datto) => ({
      ...datto,
      async listSites(query, options) {
        const list = await datto.listSites(query, options);
        const [first, ...rest] = list.data;
        return { ...list, data: [{ ...first!, devicesStatus: null }, ...rest] };
      },
    }));
    const { progress, result } = await walk(t);
    expect(progress.every((p) => p.devicesTotal === null)).toBe(true);
    expect(progress.at(-1)!.devicesDone).toBe(result.data.devices.length);
  });

  it("re-walks a customer site that account/devices lists short (API.md §8)", async () => {
    let victim = "";
    const t = await setup(1_500, (datto) => ({
      ...datto,
      async listAccountDevices(query, options) {
        const list = await datto.listAccountDevices(query, options);
        const mine = list.data.filter((d) => d.siteUid === victim).slice(0, 3);
        return { ...list, data: list.data.filter((d) => !mine.includes(d)) };
      },
    }));
    const sites = t.sim.tenant.listSites();
    const target = sites
      .filter((s) => s.name !== "Deleted Devices")
      .sort((a, b) => b.devicesStatus.numberOfDevices - a.devicesStatus.numberOfDevices)[0]!;
    victim = target.uid;
    const deleted = sites.find((s) => s.name === "Deleted Devices")!;

    const { result, reads } = await walk(t);

    const expected =
      pages(target.devicesStatus.numberOfDevices) + pages(deleted.devicesStatus.numberOfDevices);
    expect(reads[SITE_DEVICES]).toBe(expected);
    expect(placed(result.data.devices)).toEqual(placed(t.sim.tenant.listDevices()));
  });

  it("keeps a device listed twice (moved between two reads) once, at its site's own list", async () => {
    let other = "";
    const t = await setup(300, (datto) => ({
      ...datto,
      async listAccountDevices(query, options) {
        const list = await datto.listAccountDevices(query, options);
        return { ...list, data: [...list.data, { ...list.data[0]!, siteUid: other }] };
      },
    }));
    const sites = t.sim.tenant.listSites();
    const first = t.sim.tenant.listDevices().find((d) => !d.deleted)!;
    const moved = sites.find((s) => s.uid !== first.siteUid && s.name !== "Deleted Devices")!;
    const deleted = sites.find((s) => s.name === "Deleted Devices")!;
    other = moved.uid;

    const { result, reads } = await walk(t);

    // The duplicate makes the second site's count disagree: that site is read on its own.
    expect(reads[SITE_DEVICES]).toBe(
      pages(moved.devicesStatus.numberOfDevices) + pages(deleted.devicesStatus.numberOfDevices),
    );
    expect(placed(result.data.devices)).toEqual(placed(t.sim.tenant.listDevices()));
  });

  it("reads Datto again on every walk (past the gateway cache)", async () => {
    const t = await setup(600);
    const first = await walk(t);
    const second = await walk(t);
    const { ["POST /auth/oauth/token"]: token, ...firstReads } = first.reads;
    expect(token).toBe(1);
    expect(second.reads).toEqual(firstReads);
  });

  it("keeps the old snapshot when a site re-walk fails", async () => {
    let failSites = false;
    const t = await setup(400, (datto) => ({
      ...datto,
      async listSiteDevices(uid, query, options) {
        if (failSites) throw new DattoError("down", "Datto could not be reached (site devices).");
        return datto.listSiteDevices(uid, query, options);
      },
    }));
    await t.fleet.refreshAll();
    const before = t.fleet.snapshot();
    expect(before.devices).toHaveLength(t.sim.tenant.listDevices().length);
    failSites = true;
    await t.fleet.refreshAll();
    expect(t.fleet.snapshot()).toBe(before);
    expect(t.fleet.status()).toMatchObject({ state: "error" });
    expect(t.fleet.status().lastError).toContain("site devices");
  });
});
