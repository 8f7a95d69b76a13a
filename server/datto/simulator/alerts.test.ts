import { describe, expect, it } from "vitest";
import { createTestSim, json } from "../../testing/simulator-helpers";

interface AlertPage {
  alerts: Array<{ alertUid: string; resolved: boolean }>;
  pageDetails: { totalCount: number };
}

describe("alerts", () => {
  it("resolve moves an alert to resolved with resolvedBy and resolvedOn, empty body", async () => {
    const t = createTestSim({ devices: 200 });
    const open = await json<AlertPage>(await t.get("/v2/account/alerts/open"));
    const uid = open.alerts[0]!.alertUid;
    const res = await t.send("POST", `/v2/alert/${uid}/resolve`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const alert = await json(await t.get(`/v2/alert/${uid}`));
    expect(alert).toMatchObject({
      resolved: true,
      resolvedBy: "rmm-deck-api",
      resolvedOn: t.clock.now(),
    });
    const after = await json<AlertPage>(await t.get("/v2/account/alerts/open"));
    expect(after.pageDetails.totalCount).toBe(open.pageDetails.totalCount - 1);
    const resolved = await json<AlertPage>(await t.get("/v2/account/alerts/resolved?max=250"));
    const all = [...resolved.alerts];
    for (let p = 1; p * 250 < resolved.pageDetails.totalCount; p++) {
      all.push(
        ...(await json<AlertPage>(await t.get(`/v2/account/alerts/resolved?max=250&page=${p}`)))
          .alerts,
      );
    }
    expect(all.some((a) => a.alertUid === uid)).toBe(true);
    expect((await t.send("POST", "/v2/alert/nope/resolve")).status).toBe(404);
  });

  it("mute and unmute are accepted and change nothing (deprecated since 8.9.0)", async () => {
    const t = createTestSim();
    const uid = t.sim.tenant.openAlerts()[0]!.alertUid;
    const before = t.sim.tenant.getAlert(uid);
    expect((await t.send("POST", `/v2/alert/${uid}/mute`)).status).toBe(200);
    expect((await t.send("POST", `/v2/alert/${uid}/unmute`)).status).toBe(200);
    expect(t.sim.tenant.getAlert(uid)).toEqual(before);
    expect(before?.muted).toBe(false);
  });

  it("lists alerts per site and per device", async () => {
    const t = createTestSim({ devices: 300 });
    const alert = t.sim.tenant.openAlerts()[0]!;
    const { deviceUid, siteUid } = alert.alertSourceInfo;
    const perDevice = await json<AlertPage>(await t.get(`/v2/device/${deviceUid}/alerts/open`));
    expect(perDevice.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    const perSite = await json<AlertPage>(await t.get(`/v2/site/${siteUid}/alerts/open`));
    expect(perSite.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect((await t.get("/v2/device/nope/alerts/open")).status).toBe(404);
  });
});
