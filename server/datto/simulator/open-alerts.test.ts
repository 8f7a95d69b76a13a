import { describe, expect, it } from "vitest";
import {
  createTestSim,
  json,
  serverDiskAlert,
  type TestSim,
} from "../../testing/simulator-helpers";
import { GB } from "./hardware";
import { RESOLVE_RESOLVED_ALERT_STATUS } from "./unknowns";

interface AlertPage {
  pageDetails: { totalCount: number; nextPageUrl: string | null };
  alerts: Array<{
    alertUid: string;
    resolved: boolean;
    resolvedBy: string | null;
    resolvedOn: number | null;
    alertSourceInfo: { deviceUid: string; siteUid: string };
    alertContext: Record<string, unknown>;
  }>;
}

/** Every alert of a list, following nextPageUrl. */
async function allAlerts(t: TestSim, path: string): Promise<AlertPage["alerts"]> {
  const out: AlertPage["alerts"] = [];
  let next: string | null = `${path}?max=250`;
  while (next) {
    const page: AlertPage = await json<AlertPage>(await t.get(next));
    out.push(...page.alerts);
    const url = page.pageDetails.nextPageUrl;
    next = url ? new URL(url).pathname.replace(/^\/api/, "") + new URL(url).search : null;
  }
  return out;
}

describe("the open-alert size knob (benches at 100, 1,000 and 5,000)", () => {
  it.each([100, 1000, 5000])(
    "builds exactly %i open alerts, paged and consistent per site and device",
    async (openAlerts) => {
      const t = createTestSim({ devices: 400, openAlerts });
      const open = await allAlerts(t, "/v2/account/alerts/open");
      expect(open).toHaveLength(openAlerts);
      expect(new Set(open.map((a) => a.alertUid)).size).toBe(openAlerts);
      expect(open.every((a) => !a.resolved)).toBe(true);
      const bySite = new Map<string, number>();
      for (const a of open)
        bySite.set(a.alertSourceInfo.siteUid, (bySite.get(a.alertSourceInfo.siteUid) ?? 0) + 1);
      for (const [siteUid, count] of bySite) {
        const page = await json<AlertPage>(await t.get(`/v2/site/${siteUid}/alerts/open?max=1`));
        expect(page.pageDetails.totalCount).toBe(count);
      }
      const device = open[0]!.alertSourceInfo.deviceUid;
      const perDevice = await allAlerts(t, `/v2/device/${device}/alerts/open`);
      expect(perDevice.map((a) => a.alertUid).sort()).toEqual(
        open
          .filter((a) => a.alertSourceInfo.deviceUid === device)
          .map((a) => a.alertUid)
          .sort(),
      );
    },
  );

  it("is the same tenant for the same seed", () => {
    const a = createTestSim({ devices: 300, openAlerts: 1000, seed: 4 });
    const b = createTestSim({ devices: 300, openAlerts: 1000, seed: 4 });
    expect(b.sim.tenant.openAlerts()).toEqual(a.sim.tenant.openAlerts());
    const c = createTestSim({ devices: 300, openAlerts: 1000, seed: 5 });
    expect(c.sim.tenant.openAlerts()[0]?.alertUid).not.toBe(a.sim.tenant.openAlerts()[0]?.alertUid);
  });

  it("can be zero", () => {
    expect(createTestSim({ devices: 200, openAlerts: 0 }).sim.tenant.openAlerts()).toEqual([]);
  });
});

describe("the normal scenario's disk-space alert on a Windows server", () => {
  it("is open, and the server's audit shows the same nearly full disk", async () => {
    for (const seed of [1, 2, 3]) {
      const t = createTestSim({ devices: 120, seed });
      const alert = serverDiskAlert(t.sim);
      expect(alert, `seed ${seed}`).toBeDefined();
      const ctx = alert!.alertContext as { diskName: string; freeSpace: number };
      const audit = t.sim.tenant.deviceAudit(alert!.alertSourceInfo.deviceUid!)!;
      const disk = audit.logicalDisks.find((d) => d.diskIdentifier === ctx.diskName)!;
      expect(disk.freespace / GB).toBeCloseTo(ctx.freeSpace, 1);
      expect(disk.freespace / disk.size).toBeLessThan(0.1);
    }
  });
});

describe("resolving alerts (POST /v2/alert/{uid}/resolve)", () => {
  it("moves the alert to the resolved list once; a second resolve changes nothing", async () => {
    const t = createTestSim({ devices: 200, openAlerts: 100 });
    const [alert] = t.sim.tenant.openAlerts();
    const uid = alert!.alertUid;
    t.sim.control.resetCounters();
    expect((await t.send("POST", `/v2/alert/${uid}/resolve`)).status).toBe(200);
    const resolvedAt = t.clock.now();
    await t.clock.advance(60_000);
    const again = await t.send("POST", `/v2/alert/${uid}/resolve`);
    expect(again.status).toBe(RESOLVE_RESOLVED_ALERT_STATUS);
    expect(await again.text()).toBe("");
    expect(await json(await t.get(`/v2/alert/${uid}`))).toMatchObject({
      resolved: true,
      resolvedBy: "rmm-deck-api",
      resolvedOn: resolvedAt,
    });
    expect(await allAlerts(t, "/v2/account/alerts/open")).toHaveLength(99);
    const resolved = await allAlerts(t, "/v2/account/alerts/resolved");
    expect(resolved.filter((a) => a.alertUid === uid)).toHaveLength(1);
    expect(t.sim.control.counters().byRoute["POST /v2/alert/{alertUid}/resolve"]).toBe(2);
    expect(t.sim.control.counters().writes).toBe(2);
  });
});
