import { describe, expect, it } from "vitest";
import { HealthSchema } from "../contract/health";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** No fleet walk: the only Datto calls are the ones each test makes. */
const setup = testAppsClosedAfterEach({ devices: 20, syncFleet: false });

/** Anonymous, as a monitoring probe asks. */
async function getHealth(t: TestApp) {
  const response = await t.request("/api/health");
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  return { text, body: HealthSchema.parse(JSON.parse(text)) };
}

const failureOf = (t: TestApp, promise: Promise<unknown>) =>
  t.settle(promise).then(
    () => expect.unreachable("the Datto call should have failed"),
    (error: unknown) => error,
  );

describe("GET /api/health", () => {
  it("answers ok with the upstream unknown before any call, then ok with budget and cache use", async () => {
    const t = await setup();
    const before = await getHealth(t);
    expect(before.body).toMatchObject({
      status: "ok",
      mode: "demo",
      upstream: { state: "unknown" },
    });

    await t.settle(t.datto.listSites());
    const after = await getHealth(t);
    expect(after.body.status).toBe("ok");
    expect(after.body.upstream.state).toBe("ok");
    expect(after.body.upstream.lastSuccessAt).toBe(t.clock.now());
    expect(after.body.budget).toMatchObject({ readsUsed: 1, readsLimit: 450, windowSeconds: 60 });
    expect(after.body.token.requests).toBe(1);
    expect(after.body.cache.misses).toBe(1);
  });

  it("is degraded with an actionable detail when Datto rejects the credentials, and leaks nothing", async () => {
    const t = await setup({ mode: "live", env: { DATTO_API_KEY: "WRONG-KEY-abcdef" } });
    await failureOf(t, t.datto.getDevice("x"));
    const { body, text } = await getHealth(t);
    expect(body.status).toBe("degraded");
    expect(body.mode).toBe("live");
    expect(body.upstream.state).toBe("credentials-rejected");
    expect(body.upstream.detail).toMatch(/DATTO_API_KEY and DATTO_API_SECRET/);
    for (const secret of [
      "WRONG-KEY-abcdef",
      t.sim.credentials.apiKey,
      t.sim.credentials.apiSecret,
    ])
      expect(text).not.toContain(secret);
  });

  it("is degraded while Datto is down", async () => {
    const t = await setup();
    t.sim.control.setScenario("down");
    await failureOf(t, t.datto.listSites());
    const { body } = await getHealth(t);
    expect(body).toMatchObject({ status: "degraded", upstream: { state: "down" } });
  });
});
