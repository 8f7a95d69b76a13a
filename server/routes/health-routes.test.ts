import { describe, expect, it } from "vitest";
import { HealthSchema } from "../contract/health";
import {
  createHarness,
  drive,
  driveToError,
  TEST_KEY,
  TEST_SECRET,
} from "../datto/gateway/test-harness";
import { createHealthRoutes } from "./health-routes";

async function getHealth(app: ReturnType<typeof createHealthRoutes>) {
  const response = await app.request("/");
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, body: HealthSchema.parse(JSON.parse(text)) };
}

describe("GET /api/health", () => {
  it("answers ok with the upstream unknown before any call, then ok with budget and cache use", async () => {
    const h = createHarness();
    const app = createHealthRoutes({ gateway: h.gateway, mode: "demo" });
    const before = await getHealth(app);
    expect(before.body).toMatchObject({
      status: "ok",
      mode: "demo",
      upstream: { state: "unknown" },
    });

    await drive(h.clock, h.api.listSites());
    const after = await getHealth(app);
    expect(after.body.status).toBe("ok");
    expect(after.body.upstream.state).toBe("ok");
    expect(after.body.upstream.lastSuccessAt).toBe(h.clock.now());
    expect(after.body.budget).toMatchObject({ readsUsed: 1, readsLimit: 450, windowSeconds: 60 });
    expect(after.body.token.requests).toBe(1);
    expect(after.body.cache.misses).toBe(1);
  });

  it("is degraded with an actionable detail when Datto rejects the credentials, and leaks nothing", async () => {
    const h = createHarness({ gateway: { apiKey: "WRONG-KEY-abcdef" } });
    const app = createHealthRoutes({ gateway: h.gateway, mode: "live" });
    await driveToError(h.clock, h.api.getDevice("x"));
    const { body, text } = await getHealth(app);
    expect(body.status).toBe("degraded");
    expect(body.upstream.state).toBe("credentials-rejected");
    expect(body.upstream.detail).toMatch(/DATTO_API_KEY and DATTO_API_SECRET/);
    for (const secret of ["WRONG-KEY-abcdef", TEST_KEY, TEST_SECRET])
      expect(text).not.toContain(secret);
  });

  it("is degraded while Datto is down", async () => {
    const h = createHarness();
    h.sim.control.setScenario("down");
    const app = createHealthRoutes({ gateway: h.gateway, mode: "demo" });
    await driveToError(h.clock, h.api.listSites());
    const { body } = await getHealth(app);
    expect(body).toMatchObject({ status: "degraded", upstream: { state: "down" } });
  });
});
