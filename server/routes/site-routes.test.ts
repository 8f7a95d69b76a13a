import { describe, expect, it } from "vitest";
import type { AlertListResponse } from "../contract/alerts";
import { ApiErrorSchema } from "../contract/errors";
import {
  SiteRefreshResponseSchema,
  type SiteDetail,
  type SiteListResponse,
} from "../contract/sites";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** 200 devices synced into the fleet index; a viewer signed in. */
const testApp = testAppsClosedAfterEach({ devices: 200, seed: 7 });
async function synced() {
  const t = await testApp();
  return Object.assign(t, { viewer: await t.signIn("viewer") });
}

describe("GET /api/sites", () => {
  it("lists every site with counts that match the vendor data and explained attention", async () => {
    const t = await synced();
    const body = await t.viewer.getJson<SiteListResponse>("/api/sites");
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
      if (site.isDeletedDevices) {
        expect(site.attention).toEqual({ score: 0, parts: [] });
      } else if (site.rebootRequired > 0) {
        expect(site.attention.parts.map((p) => p.label).join("|")).toMatch(/need.? a reboot/);
      }
    }
    expect(body.rows.some((s) => s.attention.parts.length >= 2)).toBe(true);
    const scores = body.rows.map((s) => s.attention.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("searches and sorts", async () => {
    const t = await synced();
    const all = await t.viewer.getJson<SiteListResponse>("/api/sites?sort=name&dir=asc");
    const names = all.rows.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const word = all.rows[1]!.name.split(" ")[0]!;
    const found = await t.viewer.getJson<SiteListResponse>(
      `/api/sites?q=${encodeURIComponent(word.toUpperCase())}`,
    );
    expect(found.rows.length).toBeGreaterThan(0);
    expect(
      found.rows.every((s) =>
        `${s.name} ${s.description}`.toLowerCase().includes(word.toLowerCase()),
      ),
    ).toBe(true);
    const byDevices = await t.viewer.getJson<SiteListResponse>("/api/sites?sort=devices");
    const counts = byDevices.rows.map((s) => s.devices);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const bad = await t.viewer.request("/api/sites?sort=color");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("sort must be one of");
  });
});

describe("GET /api/sites/:uid and its alerts", () => {
  it("summarises one site and lists its open alerts", async () => {
    const t = await synced();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const uid = alert.alertSourceInfo!.siteUid!;
    const detail = await t.viewer.getJson<SiteDetail>(`/api/sites/${uid}`);
    const mine = t.sim.tenant.listDevices().filter((d) => d.siteUid === uid);
    expect(detail.devices).toBe(mine.length);
    expect(detail.summary.byDeviceClass.reduce((n, c) => n + c.count, 0)).toBe(mine.length);
    expect(detail.freshness.stale).toBe(false);
    const alerts = await t.viewer.getJson<AlertListResponse>(`/api/sites/${uid}/alerts`);
    expect(alerts.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect(alerts.alerts.every((a) => a.siteUid === uid)).toBe(true);
    expect((await t.viewer.request("/api/sites/nope")).status).toBe(404);
  });

  it("refreshes one site for technicians and answers with its new row", async () => {
    const t = await synced();
    const site = t.sim.tenant.listSites()[0]!;
    const device = t.sim.tenant.listDevices().find((d) => d.siteUid === site.uid)!;
    t.sim.control.setDeviceOnline(device.uid, device.online !== true);
    expect((await t.viewer.post(`/api/sites/${site.uid}/refresh`)).status).toBe(403);
    const technician = await t.signIn("technician");
    const res = await technician.post(`/api/sites/${site.uid}/refresh`);
    expect(res.status).toBe(200);
    const body = SiteRefreshResponseSchema.parse(await res.json());
    const detail = await t.viewer.getJson<SiteDetail>(`/api/sites/${site.uid}`);
    const mine = t.sim.tenant.listDevices().filter((d) => d.siteUid === site.uid);
    expect(detail.online).toBe(mine.filter((d) => d.online).length);
    expect(body.site).toMatchObject({ uid: site.uid, online: detail.online, devices: mine.length });
    expect(body.freshness).toEqual({ fetchedAt: t.clock.now(), stale: false, reason: null });

    // Datto down: the cached copy is not passed off as a refresh.
    t.sim.control.setScenario("down");
    const down = await t.settle(technician.post(`/api/sites/${site.uid}/refresh`));
    expect(down.status).toBe(502);
    const { error } = ApiErrorSchema.parse(await down.json());
    expect(error.message).toContain("so the site was not refreshed");
  });
});
