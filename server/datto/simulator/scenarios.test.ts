import { describe, expect, it } from "vitest";
import { createTestSim, json, requestToken } from "../../testing/simulator-helpers";

async function outcomes(t: ReturnType<typeof createTestSim>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push(String((await t.get("/v2/system/pagination")).status));
    } catch (err) {
      out.push(err instanceof TypeError ? `drop:${err.message}` : "other");
    }
  }
  return out;
}

describe("simulator scenarios", () => {
  it("flaky: a deterministic share of 5xx answers and dropped connections", async () => {
    const a = createTestSim();
    const b = createTestSim();
    await a.token();
    await b.token();
    a.sim.control.setScenario("flaky");
    b.sim.control.setScenario("flaky");
    const first = await outcomes(a, 200);
    expect(await outcomes(b, 200)).toEqual(first);
    const ok = first.filter((s) => s === "200").length;
    const fiveXx = first.filter((s) => s.startsWith("5")).length;
    const drops = first.filter((s) => s === "drop:fetch failed").length;
    expect(ok).toBeGreaterThan(140);
    expect(fiveXx).toBeGreaterThan(5);
    expect(drops).toBeGreaterThan(2);
    expect(a.sim.control.counters().dropped).toBe(drops);
  });

  it("down: every Datto call answers 503, the control surface still works", async () => {
    const t = createTestSim({ scenario: "down" });
    expect((await requestToken(t.sim)).status).toBe(503);
    expect((await t.sim.fetch(`${t.sim.apiBaseUrl}/v2/system/status`)).status).toBe(503);
    const control = await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/scenario`, {
      method: "POST",
      body: JSON.stringify({ name: "normal" }),
    });
    expect(control.status).toBe(200);
    expect((await t.sim.fetch(`${t.sim.apiBaseUrl}/v2/system/status`)).status).toBe(200);
  });

  it("slow: answers wait 1.5-3 s of clock time, and an abort rejects with the signal's reason", async () => {
    const t = createTestSim();
    await t.token();
    t.sim.control.setScenario("slow");
    let settled = false;
    const pending = t.get("/v2/account").then((r) => {
      settled = true;
      return r;
    });
    await until(() => t.clock.pendingSleepers() > 0);
    await t.clock.advance(1499);
    expect(settled).toBe(false);
    await t.clock.advance(1501);
    expect((await pending).status).toBe(200);

    const controller = new AbortController();
    const aborted = t.get("/v2/account", { signal: controller.signal });
    await until(() => t.clock.pendingSleepers() > 0);
    const reason = new Error("user went away");
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(t.clock.pendingSleepers()).toBe(0);
  });

  it("rate-limited: a low read quota", async () => {
    const t = createTestSim({ scenario: "rate-limited" });
    const statuses: number[] = [];
    for (let i = 0; i < 18; i++) statuses.push((await t.get("/v2/system/pagination")).status);
    const slowed = [t.get("/v2/system/pagination"), t.get("/v2/system/pagination")];
    await until(() => t.clock.pendingSleepers() >= 2);
    await t.clock.advance(1000);
    for (const r of await Promise.all(slowed)) statuses.push(r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await t.get("/v2/system/pagination")).status).toBe(429);
  });

  it("token-expiry: tokens live 30 s", async () => {
    const t = createTestSim({ scenario: "token-expiry" });
    const token = await json(await requestToken(t.sim));
    expect(token.expires_in).toBe(30);
    const auth = { headers: { authorization: `Bearer ${String(token.access_token)}` } };
    expect((await t.sim.fetch(`${t.sim.apiBaseUrl}/v2/account`, auth)).status).toBe(200);
    await t.clock.advance(30_000);
    expect((await t.sim.fetch(`${t.sim.apiBaseUrl}/v2/account`, auth)).status).toBe(401);
  });

  it("empty: only the Deleted Devices site, no devices, no alerts", async () => {
    const t = createTestSim({ scenario: "empty" });
    const sites = await json<{ sites: Array<{ name: string }> }>(await t.get("/v2/account/sites"));
    expect(sites.sites.map((s) => s.name)).toEqual(["Deleted Devices"]);
    const devices = await json<{ pageDetails: { totalCount: number; nextPageUrl: null } }>(
      await t.get("/v2/account/devices"),
    );
    expect(devices.pageDetails).toMatchObject({ totalCount: 0, nextPageUrl: null });
    const alerts = await json<{ alerts: unknown[] }>(await t.get("/v2/account/alerts/open"));
    expect(alerts.alerts).toEqual([]);
    await t.sim.control.advance(3_600_000);
    expect(
      (await json<{ alerts: unknown[] }>(await t.get("/v2/account/alerts/open"))).alerts,
    ).toEqual([]);
  });

  it("malformed: wrong types, nulls, missing arrays and unknown keys appear", async () => {
    const t = createTestSim({ scenario: "malformed", devices: 400 });
    const page = await json<{
      pageDetails: { totalCount: unknown };
      devices: Array<Record<string, unknown>>;
    }>(await t.get("/v2/account/devices"));
    expect(typeof page.pageDetails.totalCount).toBe("string");
    expect(page.devices.some((d) => typeof d.lastSeen === "string")).toBe(true);
    expect(page.devices.some((d) => d.antivirus === null)).toBe(true);
    expect(page.devices.some((d) => "x_unknown_future_field" in d)).toBe(true);
    expect(page.devices.some((d) => d.udf === null)).toBe(true);
    const alerts = await json<{ alerts: Array<Record<string, unknown>> }>(
      await t.get("/v2/account/alerts/open"),
    );
    expect(alerts.alerts.some((a) => a.alertContext === null)).toBe(true);
    expect(alerts.alerts.some((a) => !("responseActions" in a))).toBe(true);
    const agent = t.sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
    const audit = await json(await t.get(`/v2/audit/device/${agent.uid}`));
    expect("logicalDisks" in audit).toBe(false);
    expect(audit.bios).toBeNull();
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!check()) throw new Error("condition never became true");
}
