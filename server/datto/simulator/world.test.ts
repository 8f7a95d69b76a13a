import { describe, expect, it } from "vitest";
import { createTestSim, json } from "../../testing/simulator-helpers";
import { DUPLICATE_VARIABLE_STATUS } from "./unknowns";

describe("the world moves on the injected clock, lazily", () => {
  it("takes devices offline and brings them back, fires and auto-resolves alerts", async () => {
    const t = createTestSim({ devices: 2000 });
    const before = new Map(t.sim.tenant.listDevices().map((d) => [d.uid, d.online]));
    const openBefore = new Set(t.sim.tenant.openAlerts().map((a) => a.alertUid));
    await t.sim.control.advance(2 * 3_600_000);
    const after = t.sim.tenant.listDevices();
    const wentOffline = after.filter((d) => before.get(d.uid) === true && !d.online);
    expect(wentOffline.length).toBeGreaterThan(0);
    const open = t.sim.tenant.openAlerts();
    expect(open.some((a) => !openBefore.has(a.alertUid))).toBe(true);
    const autoResolved = t.sim.tenant
      .resolvedAlerts()
      .filter((a) => openBefore.has(a.alertUid) && a.resolvedBy === "System");
    expect(autoResolved.length).toBeGreaterThan(0);
    await t.sim.control.advance(8 * 3_600_000);
    const back = t.sim.tenant
      .listDevices()
      .filter((d) => wentOffline.some((w) => w.uid === d.uid) && d.online);
    expect(back.length).toBeGreaterThan(0);
  });

  it("replays the same history for the same seed, whatever the request pattern", async () => {
    const a = createTestSim({ devices: 500 });
    const b = createTestSim({ devices: 500 });
    for (let i = 0; i < 12; i++) await a.sim.control.advance(10 * 60_000);
    await b.clock.advance(120 * 60_000);
    expect(b.sim.tenant.openAlerts()).toEqual(a.sim.tenant.openAlerts());
    expect(b.sim.tenant.listDevices()).toEqual(a.sim.tenant.listDevices());
  });

  it("settles over a week instead of piling up alerts", async () => {
    const t = createTestSim({ devices: 400 });
    const start = t.sim.tenant.openAlerts().length;
    for (let day = 0; day < 7; day++) await t.sim.control.advance(86_400_000);
    const open = t.sim.tenant.openAlerts().length;
    expect(open).toBeLessThan(Math.max(start, 100) * 2);
    expect(t.sim.tenant.resolvedAlerts().length).toBeGreaterThan(0);
    const devices = t.sim.tenant.listDevices();
    expect(devices.filter((d) => d.online).length / devices.length).toBeGreaterThan(0.6);
  });

  it("resolves a device's offline alert when it comes back", async () => {
    const t = createTestSim({ devices: 500 });
    const offlineAlert = t.sim.tenant
      .openAlerts()
      .find((a) => a.alertContext["@class"] === "online_offline_status_ctx")!;
    const uid = offlineAlert.alertSourceInfo.deviceUid!;
    expect(t.sim.tenant.getDevice(uid)?.online).toBe(false);
    t.sim.control.setDeviceOnline(uid, true);
    const alert = await json(await t.get(`/v2/alert/${offlineAlert.alertUid}`));
    expect(alert).toMatchObject({ resolved: true, resolvedBy: "System" });
    const site = await json<{ devicesStatus: { numberOfOnlineDevices: number } }>(
      await t.get(`/v2/site/${offlineAlert.alertSourceInfo.siteUid}`),
    );
    expect(site.devicesStatus.numberOfOnlineDevices).toBeGreaterThan(0);
  });

  it("writes through the API change state (udf, move, site create)", async () => {
    const t = createTestSim({ devices: 100 });
    const device = t.sim.tenant.listDevices()[0]!;
    expect(
      (await t.send("POST", `/v2/device/${device.uid}/udf`, { udf12: "patched" })).status,
    ).toBe(200);
    expect(
      (await json<{ udf: Record<string, string | null> }>(await t.get(`/v2/device/${device.uid}`)))
        .udf.udf12,
    ).toBe("patched");
    const created = await json<{ uid: string; name: string }>(
      await t.send("PUT", "/v2/site", { name: "New Customer LLC" }),
    );
    expect((await t.send("PUT", `/v2/device/${device.uid}/site/${created.uid}`)).status).toBe(200);
    const moved = await json<{ siteUid: string; siteName: string }>(
      await t.get(`/v2/device/${device.uid}`),
    );
    expect(moved).toMatchObject({ siteUid: created.uid, siteName: "New Customer LLC" });
    const site = await json<{ devicesStatus: { numberOfDevices: number } }>(
      await t.get(`/v2/site/${created.uid}`),
    );
    expect(site.devicesStatus.numberOfDevices).toBe(1);
    expect(
      (await t.send("POST", `/v2/site/${created.uid}`, { description: "no name" })).status,
    ).toBe(400);
    const variable = { name: "BackupTarget2", value: "x" };
    expect((await t.send("PUT", `/v2/site/${created.uid}/variable`, variable)).status).toBe(200);
    const duplicate = await t.send("PUT", `/v2/site/${created.uid}/variable`, variable);
    expect(duplicate.status).toBe(DUPLICATE_VARIABLE_STATUS);
    expect(await json(duplicate)).toMatchObject({ error: "Conflict" });
  });
});
