import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceListResponse } from "../contract/devices";
import type { FleetStatusResponse } from "../contract/sync";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { SYNC_FAILED_MESSAGE } from "./fleet-index";
import { type TestAppOptions } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ syncFleet: false });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Holds the account open-alert list (the last step of a walk) until released or failed. */
function gatedAlerts() {
  let hold = false;
  let release: (() => void) | null = null;
  let fail: ((e: Error) => void) | null = null;
  let waiting = false;
  const wrap = (datto: DattoApi): DattoApi => ({
    ...datto,
    async listOpenAlerts(options) {
      if (hold) {
        waiting = true;
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          fail = reject;
          options?.signal?.addEventListener("abort", () => reject(options.signal?.reason));
        });
        waiting = false;
      }
      return datto.listOpenAlerts(options);
    },
  });
  return {
    wrap,
    close: () => (hold = true),
    open() {
      hold = false;
      release?.();
    },
    fail(error: Error) {
      hold = false;
      fail?.(error);
    },
    isWaiting: () => waiting,
  };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}

/** A test app whose viewer is signed in; `devices()` is the fleet index's answer as they see it. */
async function setup(options: TestAppOptions) {
  const t = await testApp(options);
  const viewer = await t.signIn("viewer");
  const devices = () => viewer.getJson<DeviceListResponse>("/api/devices?limit=500");
  return { t, viewer, devices };
}

describe("fleet index: atomic snapshot swap", () => {
  it("serves the complete old snapshot while a walk runs, then the new one at once", async () => {
    const gate = gatedAlerts();
    const { t, devices } = await setup({ devices: 60, wrapDatto: gate.wrap });
    await t.fleet.start();
    await t.fleet.refreshAll();
    const before = await devices();
    const target = before.rows.find((r) => r.online)!;

    t.sim.control.setDeviceOnline(target.uid, false);
    gate.close();
    const walk = t.fleet.refreshAll("interactive");
    await until(gate.isWaiting);

    // Mid-walk: site lists (which already say "offline") are fetched, but nothing is swapped in.
    const during = await devices();
    expect(during.sync.state).toBe("syncing");
    expect(during.sync.pagesDone).toBeGreaterThan(0);
    expect(during.rows).toEqual(before.rows);
    expect(during.rows.find((r) => r.uid === target.uid)!.online).toBe(true);

    gate.open();
    await walk;
    const after = await devices();
    expect(after.rows.find((r) => r.uid === target.uid)!.online).toBe(false);
    expect(after.total).toBe(before.total);
    expect(after.sync).toMatchObject({ state: "idle", lastError: null });
    expect(after.sync.pagesDone).toBe(after.sync.pagesTotal);
  });

  it("keeps the old snapshot when a walk fails, marked stale with the reason", async () => {
    const gate = gatedAlerts();
    const { t, devices } = await setup({ devices: 60, wrapDatto: gate.wrap });
    await t.fleet.start();
    await t.fleet.refreshAll();
    const before = await devices();
    const target = before.rows.find((r) => r.online)!;

    t.sim.control.setDeviceOnline(target.uid, false);
    gate.close();
    const walk = t.fleet.refreshAll();
    await until(gate.isWaiting);
    gate.fail(new DattoError("down", "Datto could not be reached (GET /v2/account/alerts/open)."));
    await walk;

    const after = await devices();
    expect(after.rows).toEqual(before.rows);
    expect(after.freshness.stale).toBe(true);
    expect(after.freshness.reason).toContain("Datto could not be reached");
    expect(after.freshness.fetchedAt).toBe(before.freshness.fetchedAt);
    expect(after.sync).toMatchObject({ state: "error" });
    expect(after.sync.lastError).toContain("could not be reached");
  });

  it("shows a generic reason for a non-Datto failure and logs the real one", async () => {
    const gate = gatedAlerts();
    const { t, devices } = await setup({ devices: 20, wrapDatto: gate.wrap });
    await t.fleet.start();
    await t.fleet.refreshAll();
    gate.close();
    const walk = t.fleet.refreshAll();
    await until(gate.isWaiting);
    const internal = "ENOENT: /srv/rmmdeck/internal-path/token-cache.json";
    gate.fail(new Error(internal));
    await walk;

    const after = await devices();
    expect(after.sync).toMatchObject({ state: "error", lastError: SYNC_FAILED_MESSAGE });
    expect(JSON.stringify(after)).not.toContain("internal-path");
    const logged = t.logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", error: internal }));
  });
});

describe("fleet index: freshness and the background walk", () => {
  it("is fresh after a sync, then stale with a reason (still served) when Datto goes down", async () => {
    const { t, devices } = await setup({ devices: 40 });
    await t.fleet.start();
    await t.fleet.refreshAll();
    const fresh = await devices();
    expect(fresh.freshness).toEqual({ fetchedAt: t.clock.now(), stale: false, reason: null });

    t.sim.control.setScenario("down");
    await t.clock.advance(5 * 60_000 + 1);
    await t.settle(t.fleet.refreshAll());
    const stale = await devices();
    expect(stale.total).toBe(fresh.total);
    expect(stale.freshness.stale).toBe(true);
    expect(stale.freshness.reason).toMatch(/Datto/);
    expect(stale.freshness.fetchedAt).toBe(fresh.freshness.fetchedAt);

    t.sim.control.setScenario("normal");
    await t.clock.advance(5 * 60_000);
    await t.settle(t.fleet.refreshAll());
    const back = await devices();
    expect(back.freshness).toMatchObject({ stale: false, reason: null });
    expect(back.freshness.fetchedAt).toBeGreaterThan(fresh.freshness.fetchedAt!);
  });

  it("walks again every refresh interval on its own", async () => {
    const { t } = await setup({ devices: 30 });
    await t.fleet.start();
    await t.fleet.refreshAll();
    const first = t.fleet.snapshot();
    await t.clock.advance(5 * 60_000);
    await until(() => t.fleet.status().state === "idle" && t.fleet.snapshot() !== first);
    expect(t.fleet.snapshot().fetchedAt).toBe(t.clock.now());
  });

  it("retries a failed walk after a minute instead of the full interval", async () => {
    const { t } = await setup({ devices: 20, scenario: "down" });
    await t.fleet.start();
    await t.settle(t.fleet.refreshAll());
    expect(t.fleet.status().state).toBe("error");
    expect(t.fleet.snapshot().devices).toHaveLength(0);
    t.sim.control.setScenario("normal");
    await t.clock.advance(60_000);
    await until(() => t.fleet.status().state === "idle");
    expect(t.fleet.snapshot().devices).toHaveLength(t.sim.tenant.listDevices().length);
  });

  it("reports first-sync progress (pages done of total) through /api/fleet/status", async () => {
    const gate = gatedAlerts();
    gate.close();
    const { t, viewer } = await setup({ devices: 700, wrapDatto: gate.wrap });
    const empty = await viewer.getJson<FleetStatusResponse>("/api/fleet/status");
    expect(empty.counts.devices).toBe(0);
    expect(empty.freshness).toMatchObject({ fetchedAt: null, stale: true });

    await t.fleet.start();
    await until(gate.isWaiting);
    const mid = await viewer.getJson<FleetStatusResponse>("/api/fleet/status");
    expect(mid.sync.state).toBe("syncing");
    // Everything but the held alert list is read: sites, the account's device pages (700 devices:
    // 3 pages) and the one site whose count disagrees ("Deleted Devices").
    const reads = t.sim.control.counters().byRoute;
    expect(reads["GET /v2/account/devices"]).toBe(3);
    expect(mid.sync.pagesDone).toBe(
      reads["GET /v2/account/sites"]! +
        reads["GET /v2/account/devices"]! +
        reads["GET /v2/site/{siteUid}/devices"]!,
    );
    expect(mid.sync.pagesTotal).not.toBeNull();
    expect(mid.sync.pagesDone).toBeLessThan(mid.sync.pagesTotal!);
    // In devices: every device is read; only the alerts are left.
    const tenant = t.sim.tenant.listDevices().length;
    expect(mid.sync).toMatchObject({ devicesDone: tenant, devicesTotal: tenant });
    expect(mid.freshness.reason).toContain("first sync");

    gate.open();
    await t.fleet.refreshAll();
    const done = await viewer.getJson<FleetStatusResponse>("/api/fleet/status");
    expect(done.sync.pagesDone).toBe(done.sync.pagesTotal);
    expect(done.sync).toMatchObject({ devicesDone: tenant, devicesTotal: tenant });
    expect(done.counts.devices).toBe(t.sim.tenant.listDevices().length);
    expect(done.counts.openAlerts.total).toBe(t.sim.tenant.openAlerts().length);
  });
});

describe("fleet index: persisted snapshot", () => {
  it("serves the last good snapshot after a restart while Datto is down, marked stale", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-restart-"));
    dirs.push(dataDir);
    const first = await setup({ devices: 50, dataDir });
    await first.t.fleet.start();
    await first.t.fleet.refreshAll();
    const before = await first.devices();
    await first.t.close();

    const { t, devices } = await setup({ devices: 50, scenario: "down", dataDir });
    await t.fleet.start();
    const loaded = await devices();
    expect(loaded.rows).toEqual(before.rows);
    expect(loaded.freshness).toMatchObject({ stale: true, fetchedAt: before.freshness.fetchedAt });
    expect(loaded.freshness.reason).toContain("saved before the server restarted");

    await t.settle(t.fleet.refreshAll());
    const failed = await devices();
    expect(failed.rows).toEqual(before.rows);
    expect(failed.freshness.stale).toBe(true);
    expect(failed.freshness.reason).toContain("failed");
    expect(failed.sync.state).toBe("error");
  });
});
