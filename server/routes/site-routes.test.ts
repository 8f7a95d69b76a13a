import { afterEach, describe, expect, it } from "vitest";
import type { SiteDetail, SiteListResponse } from "../contract/sites";
import type { AlertListResponse } from "../contract/alerts";
import { createFleetTestApp, type FleetTestApp } from "../fleet/testing/create-fleet-test-app";

const apps: FleetTestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.cleanup();
});

async function synced() {
  const t = createFleetTestApp({ devices: 200 });
  apps.push(t);
  await t.fleet.start();
  await t.fleet.refreshAll();
  return t;
}

describe("GET /api/sites", () => {
  it("lists every site with counts that match the vendor data and explained attention", async () => {
    const t = await synced();
    const body = await t.getJson<SiteListResponse>("/api/sites");
    expect(body.total).toBe(t.sim.tenant.listSites().length);
    const devices = t.sim.tenant.listDevices();
    const alerts = t.sim.tenant.openAlerts();
    for (const site of body.rows) {
      const mine = devices.filter((d) => d.siteUid === site.uid);
      expect(site.devices).toBe(mine.length);
      expect(site.online).toBe(mine.filter((d) => d.online).length);
      expect(site.offline).toBe(site.devices - site.online);
      const critical = alerts.filter(
        (a) => a.alertSourceInfo?.siteUid === site.uid && a.priority === "Critical",
      ).length;
      expect(site.openAlerts.critical).toBe(critical);
      expect(site.attention.score).toBe(site.attention.parts.reduce((n, p) => n + p.points, 0));
      const points = site.attention.parts.map((p) => p.points);
      expect(points).toEqual([...points].sort((a, b) => b - a));
      if (critical > 0) {
        expect(site.attention.parts).toContainEqual({
          label: `${critical} critical alert${critical === 1 ? "" : "s"}`,
          points: critical * 10,
        });
      }
      if (site.rebootRequired > 0) {
        expect(site.attention.parts.map((p) => p.label).join("|")).toMatch(/need.? a reboot/);
      }
    }
    expect(body.rows.some((s) => s.attention.parts.length >= 2)).toBe(true);
    const scores = body.rows.map((s) => s.attention.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("searches and sorts", async () => {
    const t = await synced();
    const all = await t.getJson<SiteListResponse>("/api/sites?sort=name&dir=asc");
    const names = all.rows.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const word = all.rows[1]!.name.split(" ")[0]!;
    const found = await t.getJson<SiteListResponse>(
      `/api/sites?q=${encodeURIComponent(word.toUpperCase())}`,
    );
    expect(found.rows.length).toBeGreaterThan(0);
    expect(
      found.rows.every((s) =>
        `${s.name} ${s.description}`.toLowerCase().includes(word.toLowerCase()),
      ),
    ).toBe(true);
    const byDevices = await t.getJson<SiteListResponse>("/api/sites?sort=devices");
    const counts = byDevices.rows.map((s) => s.devices);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const bad = await t.request("/api/sites?sort=color");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("sort must be one of");
  });
});

describe("GET /api/sites/:uid and its alerts", () => {
  it("summarises one site and lists its open alerts", async () => {
    const t = await synced();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const uid = alert.alertSourceInfo!.siteUid!;
    const detail = await t.getJson<SiteDetail>(`/api/sites/${uid}`);
    const mine = t.sim.tenant.listDevices().filter((d) => d.siteUid === uid);
    expect(detail.devices).toBe(mine.length);
    expect(detail.summary.byDeviceClass.reduce((n, c) => n + c.count, 0)).toBe(mine.length);
    expect(detail.freshness.stale).toBe(false);
    const alerts = await t.getJson<AlertListResponse>(`/api/sites/${uid}/alerts`);
    expect(alerts.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect(alerts.alerts.every((a) => a.siteUid === uid)).toBe(true);
    expect((await t.request("/api/sites/nope")).status).toBe(404);
  });

  it("refreshes one site for technicians", async () => {
    const t = await synced();
    const site = t.sim.tenant.listSites()[0]!;
    const device = t.sim.tenant.listDevices().find((d) => d.siteUid === site.uid)!;
    t.sim.control.setDeviceOnline(device.uid, device.online !== true);
    expect((await t.request(`/api/sites/${site.uid}/refresh`, { method: "POST" })).status).toBe(
      403,
    );
    const res = await t.request(`/api/sites/${site.uid}/refresh`, {
      as: "technician",
      method: "POST",
    });
    expect(res.status).toBe(202);
    const detail = await t.getJson<SiteDetail>(`/api/sites/${site.uid}`);
    const mine = t.sim.tenant.listDevices().filter((d) => d.siteUid === site.uid);
    expect(detail.online).toBe(mine.filter((d) => d.online).length);
  });
});
