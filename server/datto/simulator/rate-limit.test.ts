import { describe, expect, it } from "vitest";
import { createTestSim, json, requestToken } from "../../testing/simulator-helpers";
import { BLOCK_SPARES_TOKEN_ENDPOINT } from "./unknowns";

async function burst(n: number, fire: () => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await fire()).status);
  return statuses;
}

describe("simulator rate limits (API.md §3)", () => {
  it("answers 429 after 600 reads in a rolling minute and recovers as the window rolls", async () => {
    const { get, clock } = createTestSim({ rateLimits: { readsPerMinute: 600 } });
    let statuses = await burst(540, () => get("/v2/system/pagination"));
    // The last 10% are slowed by ~1 s each (API.md §3): fire them together, then let the second pass.
    const slowed = Array.from({ length: 60 }, () => get("/v2/system/pagination"));
    await flushUntilSleeping(clock, 60);
    await clock.advance(1000);
    statuses = statuses.concat((await Promise.all(slowed)).map((r) => r.status));
    expect(statuses).toHaveLength(600);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await get("/v2/system/pagination");
    expect(limited.status).toBe(429);
    statuses = [];
    await clock.advance(60_000);
    statuses.push((await get("/v2/system/pagination")).status);
    expect(statuses).toEqual([200]);
  });

  it("adds about a second of delay above 90% of the read quota", async () => {
    const { get, clock } = createTestSim({ rateLimits: { readsPerMinute: 20 } });
    await burst(18, () => get("/v2/system/pagination"));
    let done = false;
    const slow = get("/v2/system/pagination").then((r) => {
      done = true;
      return r;
    });
    await flushUntilSleeping(clock);
    expect(done).toBe(false);
    await clock.advance(999);
    expect(done).toBe(false);
    await clock.advance(1);
    expect((await slow).status).toBe(200);
  });

  it("limits writes per operation (100) and keeps other operations open", async () => {
    const { send, sim } = createTestSim({ devices: 200 });
    const alerts = sim.tenant.openAlerts();
    expect(alerts.length).toBeGreaterThan(0);
    const uid = alerts[0]!.alertUid;
    const statuses = await burst(101, () => send("POST", `/v2/alert/${uid}/mute`));
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    expect(statuses[100]).toBe(429);
    expect((await send("POST", `/v2/alert/${uid}/resolve`)).status).toBe(200);
    const rate = await json<{
      accountWriteCount: number;
      operationWriteStatus: Record<string, { limit: number; count: number }>;
    }>(await send("GET", "/v2/system/request_rate"));
    expect(rate.accountWriteCount).toBe(101);
    expect(rate.operationWriteStatus["alert-mute"]).toEqual({ limit: 100, count: 100 });
    expect(rate.operationWriteStatus["device-udf-set"]?.limit).toBe(600);
  });

  it("caps all writes at 600 per minute across operations", async () => {
    const { send, sim } = createTestSim({ devices: 50 });
    const alert = sim.tenant.openAlerts()[0]!.alertUid;
    const device = sim.tenant.listDevices()[0]!.uid;
    const site = sim.tenant.listSites()[0]!.uid;
    const variable = (
      await json<{ variables: Array<{ id: number }> }>(await send("GET", "/v2/account/variables"))
    ).variables[0]!.id;
    const calls: Array<() => Promise<Response>> = [
      () => send("POST", `/v2/alert/${alert}/mute`),
      () => send("POST", `/v2/account/variable/${variable}`, { value: "x" }),
      () => send("POST", `/v2/device/${device}/udf`, { udf9: "x" }),
      () => send("POST", `/v2/device/${device}/warranty`, { warrantyDate: "2027-01-31" }),
      () => send("POST", `/v2/site/${site}`, { name: "Renamed" }),
      () => send("POST", `/v2/site/${site}/settings/proxy`, { host: "proxy.example" }),
    ];
    for (const call of calls) expect((await burst(100, call)).every((s) => s === 200)).toBe(true);
    expect((await send("POST", `/v2/alert/${alert}/resolve`)).status).toBe(429);
  });

  it("names one operation per family in request_rate, and counts each family's writes together", async () => {
    const { send, sim } = createTestSim({ devices: 50 });
    const site = sim.tenant.listSites()[0]!.uid;
    const alert = sim.tenant.openAlerts()[0]!.alertUid;
    expect((await send("PUT", `/v2/site/${site}/variable`, { name: "A", value: "1" })).status).toBe(
      200,
    );
    const id = (
      await json<{ variables: Array<{ id: number; name: string }> }>(
        await send("GET", `/v2/site/${site}/variables`),
      )
    ).variables.find((v) => v.name === "A")!.id;
    expect((await send("POST", `/v2/site/${site}/variable/${id}`, { value: "2" })).status).toBe(
      200,
    );
    expect((await send("DELETE", `/v2/site/${site}/variable/${id}`)).status).toBe(200);
    await send("POST", `/v2/site/${site}/settings/proxy`, { host: "proxy.example" });
    await send("DELETE", `/v2/site/${site}/settings/proxy`);
    await send("POST", `/v2/alert/${alert}/mute`);
    await send("POST", `/v2/alert/${alert}/unmute`);
    await send("POST", "/v2/user/resetApiKeys");
    const rate = await json<{
      operationWriteStatus: Record<string, { limit: number; count: number }>;
    }>(await send("GET", "/v2/system/request_rate"));
    const counts = Object.fromEntries(
      Object.entries(rate.operationWriteStatus).map(([op, s]) => [op, s.count]),
    );
    expect(Object.keys(counts).sort()).toEqual([
      "account-variable-set",
      "alert-mute",
      "alert-resolve",
      "device-job-create",
      "device-move",
      "device-proxy-set",
      "device-udf-set",
      "device-warranty-set",
      "site-create",
      "site-update",
      "site-variable-set",
      "user-reset-keys",
    ]);
    expect(counts).toMatchObject({
      "site-variable-set": 3,
      "device-proxy-set": 2,
      "alert-mute": 2,
      "user-reset-keys": 1,
      "account-variable-set": 0,
    });
  });

  it("allows 600 udf writes per minute", async () => {
    const { send, sim } = createTestSim({ devices: 50 });
    const uid = sim.tenant.listDevices()[0]!.uid;
    const statuses = await burst(150, () => send("POST", `/v2/device/${uid}/udf`, { udf7: "x" }));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(sim.tenant.getDevice(uid)?.udf.udf7).toBe("x");
  });

  it("blocks a caller that keeps going after 429s with 403 for five minutes", async () => {
    const { get, clock, sim } = createTestSim({ rateLimits: { readsPerMinute: 5 } });
    await burst(4, () => get("/v2/system/pagination"));
    const fifth = get("/v2/system/pagination");
    await flushUntilSleeping(clock);
    await clock.advance(1000);
    expect((await fifth).status).toBe(200);
    const afterLimit = await burst(11, () => get("/v2/system/pagination"));
    expect(afterLimit.slice(0, 10).every((s) => s === 429)).toBe(true);
    const blocked = await get("/v2/system/pagination");
    expect(afterLimit[10]).toBe(403);
    expect(blocked.status).toBe(403);
    expect(JSON.stringify(await json(blocked))).toMatch(/blocked.*IP|IP.*blocked/i);
    // The block covers every /api path, the token-free status too; the token endpoint: unknowns.ts.
    expect((await sim.fetch(`${sim.apiBaseUrl}/v2/system/status`)).status).toBe(403);
    expect((await requestToken(sim)).status).toBe(BLOCK_SPARES_TOKEN_ENDPOINT ? 200 : 403);
    await clock.advance(4 * 60_000);
    expect((await get("/v2/system/pagination")).status).toBe(403);
    await clock.advance(60_000);
    expect((await get("/v2/system/pagination")).status).toBe(200);
    const counters = sim.control.counters();
    expect(counters.status429).toBe(10);
    expect(counters.status403).toBe(4);
  });

  it("reports live counters in request_rate", async () => {
    const { get } = createTestSim();
    await burst(3, () => get("/v2/account"));
    const rate = await json(await get("/v2/system/request_rate"));
    expect(rate).toMatchObject({
      slidingTimeWindowSizeSeconds: 60,
      accountCount: 4,
      accountRateLimit: 600,
      accountCutOffRatio: 0.9,
      accountWriteRateLimit: 600,
    });
  });
});

async function flushUntilSleeping(
  clock: { pendingSleepers(): number },
  sleepers = 1,
): Promise<void> {
  for (let i = 0; i < 200 && clock.pendingSleepers() < sleepers; i++)
    await new Promise((r) => setTimeout(r, 0));
}
