import { describe, expect, it } from "vitest";
import { createSimulator } from "./create-simulator";
import { WRONG_METHOD_STATUS } from "./unknowns";
import { createTestSim, json } from "../../testing/simulator-helpers";

describe("simulator control surface", () => {
  it("counts calls per route template, reads, writes and tokens", async () => {
    const t = createTestSim();
    const device = t.sim.tenant.listDevices()[0]!;
    await t.get(`/v2/device/${device.uid}`);
    await t.get(`/v2/device/${device.uid}`);
    await t.send("POST", `/v2/device/${device.uid}/udf`, { udf3: "x" });
    const res = await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/counters`);
    const counters = await json<{
      byRoute: Record<string, number>;
      reads: number;
      writes: number;
      tokenRequests: number;
    }>(res);
    expect(counters.byRoute["GET /v2/device/{deviceUid}"]).toBe(2);
    expect(counters.byRoute["POST /v2/device/{deviceUid}/udf"]).toBe(1);
    expect(counters).toMatchObject({ reads: 2, writes: 1, tokenRequests: 1 });
    await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/counters/reset`, { method: "POST" });
    expect(t.sim.control.counters().total).toBe(0);
  });

  it("resets to the seeded state and advances a manual clock over HTTP", async () => {
    const t = createTestSim();
    const alert = t.sim.tenant.openAlerts()[0]!;
    await t.send("POST", `/v2/alert/${alert.alertUid}/resolve`);
    expect(t.sim.tenant.getAlert(alert.alertUid)?.resolved).toBe(true);
    const before = t.clock.now();
    const adv = await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/advance`, {
      method: "POST",
      body: JSON.stringify({ ms: 60_000 }),
    });
    expect(adv.status).toBe(200);
    expect(t.clock.now()).toBe(before + 60_000);
    expect(
      (await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/reset`, { method: "POST" })).status,
    ).toBe(200);
    expect(t.sim.tenant.openAlerts().length).toBeGreaterThan(0);
    expect((await t.get("/v2/account")).status).toBe(200);
    expect(t.sim.control.counters().total).toBe(1);
  });

  it("rejects unknown scenarios and refuses to advance a real clock", async () => {
    const sim = createSimulator({ devices: 10 });
    const bad = await sim.fetch(`${sim.publicBaseUrl}/__sim/scenario`, {
      method: "POST",
      body: JSON.stringify({ name: "chaos" }),
    });
    expect(bad.status).toBe(400);
    await expect(sim.control.advance(1000)).rejects.toThrow(/ManualClock/);
    expect(
      (
        await sim.fetch(`${sim.publicBaseUrl}/__sim/advance`, {
          method: "POST",
          body: JSON.stringify({ ms: 5 }),
        })
      ).status,
    ).toBe(409);
  });

  it("answers a known path called with the wrong method 405 (after the token check), and counts it", async () => {
    const t = createTestSim();
    const device = t.sim.tenant.listDevices()[0]!.uid;
    const noToken = await t.sim.fetch(`${t.sim.apiBaseUrl}/v2/device/${device}`, {
      method: "POST",
    });
    expect(noToken.status).toBe(401);
    const wrong = await t.send("POST", `/v2/device/${device}`, {});
    expect(wrong.status).toBe(WRONG_METHOD_STATUS);
    expect(await json(wrong)).toMatchObject({ status: 405, error: "Method Not Allowed" });
    expect((await t.send("GET", `/v2/device/${device}/quickjob`)).status).toBe(405);
    expect((await t.send("DELETE", "/v2/system/status")).status).toBe(405);
    expect((await t.send("GET", "/v2/no/such/path")).status).toBe(404);
    expect(t.sim.control.counters().byRoute["POST /v2/device/{deviceUid}"]).toBe(2);
  });

  it("mounts no control routes when disabled", async () => {
    const sim = createSimulator({ devices: 10, enableControl: false });
    expect((await sim.fetch(`${sim.publicBaseUrl}/__sim/counters`)).status).toBe(404);
  });
});
