import { describe, expect, it } from "vitest";
import { createTestSim, json, PUBLIC_CLIENT, requestToken } from "../../testing/simulator-helpers";
import { RESET_KEYS_KEEPS_TOKENS } from "./unknowns";

describe("simulator auth (API.md §2)", () => {
  it("issues a 100-hour bearer token for the right key and secret", async () => {
    const { sim } = createTestSim();
    const res = await requestToken(sim);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 360_000 });
    expect(typeof body.access_token).toBe("string");
  });

  it("rejects a wrong key or secret with invalid_grant", async () => {
    const { sim } = createTestSim();
    for (const [key, secret] of [
      ["sim-key", "nope"],
      ["nope", "sim-secret"],
    ] as const) {
      const res = await requestToken(sim, key, secret);
      expect([400, 401]).toContain(res.status);
      expect(await json(res)).toMatchObject({ error: "invalid_grant" });
    }
  });

  it("requires the Basic public-client header and the password grant", async () => {
    const { sim } = createTestSim();
    const url = `${sim.publicBaseUrl}/auth/oauth/token`;
    const body = "grant_type=password&username=sim-key&password=sim-secret";
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect((await sim.fetch(url, { method: "POST", headers: form, body })).status).toBe(401);
    const wrongClient = { ...form, authorization: `Basic ${btoa("other:client")}` };
    expect((await sim.fetch(url, { method: "POST", headers: wrongClient, body })).status).toBe(401);
    const cc = await sim.fetch(url, {
      method: "POST",
      headers: { ...form, authorization: PUBLIC_CLIENT },
      body: "grant_type=client_credentials",
    });
    expect(cc.status).toBe(400);
    expect(await json(cc)).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("answers 401 for a missing, unknown or expired token", async () => {
    const { sim, clock, get, token } = createTestSim({ tokenLifetimeMs: 60_000 });
    const url = `${sim.apiBaseUrl}/v2/account`;
    expect((await sim.fetch(url)).status).toBe(401);
    expect((await sim.fetch(url, { headers: { authorization: "Bearer made-up" } })).status).toBe(
      401,
    );
    await token();
    expect((await get("/v2/account")).status).toBe(200);
    await clock.advance(59_000);
    expect((await get("/v2/account")).status).toBe(200);
    await clock.advance(1_000);
    const expired = await get("/v2/account");
    expect(expired.status).toBe(401);
    expect(await json(expired)).toMatchObject({ error: "invalid_token" });
    expect(sim.control.counters().status401).toBe(3);
  });

  it("serves the system status without a token", async () => {
    const { sim } = createTestSim();
    const res = await sim.fetch(`${sim.apiBaseUrl}/v2/system/status`);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: "OK" });
  });

  it("routes absolute URLs on any host, so a gateway can use its configured base", async () => {
    const { sim, token } = createTestSim();
    const res = await sim.fetch("https://merlot-api.centrastage.net/api/v2/account", {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(res.status).toBe(200);
  });

  it("resets the API keys: the old pair gets no new token, tokens issued before stay valid", async () => {
    const { sim, get, send } = createTestSim();
    const old = sim.credentials;
    const reset = await json<{ apiAccessKey: string; apiSecretKey: string }>(
      await send("POST", "/v2/user/resetApiKeys"),
    );
    expect(reset.apiAccessKey).not.toBe(old.apiKey);
    expect((await requestToken(sim, old.apiKey, old.apiSecret)).status).toBe(400);
    expect((await requestToken(sim, reset.apiAccessKey, reset.apiSecretKey)).status).toBe(200);
    expect((await get("/v2/account")).status).toBe(RESET_KEYS_KEEPS_TOKENS ? 200 : 401);
  });
});
