import { describe, expect, it } from "vitest";
import { DattoDeviceSchema } from "../schemas/device";
import { DattoError } from "./datto-error";
import { createHarness, drive, driveToError, settle, TEST_KEY, TEST_SECRET } from "../../testing/datto-harness";

async function someDeviceUids(h: ReturnType<typeof createHarness>, n: number): Promise<string[]> {
  const devices = await drive(h.clock, h.api.listAccountDevices());
  return devices.data.slice(0, n).map((d) => d.uid);
}

describe("gateway token handling (API.md §2)", () => {
  it("reuses one token and asks for exactly one new token for 20 concurrent calls after expiry", async () => {
    const h = createHarness({ simulator: { tokenLifetimeMs: 60_000 } });
    const uids = await someDeviceUids(h, 20);
    expect(h.sim.control.counters().tokenRequests).toBe(1);

    await h.clock.advance(61_000);
    const reads = uids.map((uid) => h.api.getDevice(uid, { maxAgeMs: 0 }));
    const results = await drive(h.clock, Promise.all(reads));

    expect(results.map((r) => r.data.uid)).toEqual(uids);
    const counters = h.sim.control.counters();
    expect(counters.tokenRequests).toBe(2);
    expect(counters.status401).toBe(0);
    expect(h.requests.filter((u) => u.endsWith("/auth/oauth/token"))).toHaveLength(2);
  });

  it("re-tokens once when many calls answer 401 mid-flight, and every read then succeeds", async () => {
    const h = createHarness();
    const uids = await someDeviceUids(h, 20);
    // Datto invalidates tokens the gateway still believes in: every call now meets a 401.
    h.sim.control.setScenario("token-expiry");
    await h.clock.advance(31_000);

    const results = await drive(
      h.clock,
      Promise.all(uids.map((uid) => h.api.getDevice(uid, { maxAgeMs: 0 }))),
    );

    expect(results).toHaveLength(20);
    const counters = h.sim.control.counters();
    expect(counters.status401).toBeGreaterThan(0);
    expect(counters.tokenRequests).toBe(2);
  });

  it("treats rejected credentials as a configuration error: no retry loop, clear health, no secret", async () => {
    const bad = createHarness({ gateway: { apiSecret: "WRONG-secret-123456" } });

    const first = await driveToError(
      bad.clock,
      bad.gateway.read({ path: "/v2/device/x", schema: DattoDeviceSchema }),
    );
    expect(first).toBeInstanceOf(DattoError);
    expect((first as DattoError).kind).toBe("credentials-rejected");

    // Further calls within the minute fail fast without asking Datto again.
    for (let i = 0; i < 10; i++) {
      const again = await driveToError(
        bad.clock,
        bad.gateway.read({ path: `/v2/device/y${i}`, schema: DattoDeviceSchema }),
      );
      expect((again as DattoError).kind).toBe("credentials-rejected");
    }
    expect(bad.sim.control.counters().tokenRequests).toBe(1);
    expect(bad.sim.control.counters().reads).toBe(0);

    const health = bad.gateway.health();
    expect(health.state).toBe("credentials-rejected");
    expect(health.detail).toMatch(/DATTO_API_KEY/);

    // After a minute the token is tried once more.
    await bad.clock.advance(61_000);
    await driveToError(
      bad.clock,
      bad.gateway.read({ path: "/v2/device/z", schema: DattoDeviceSchema }),
    );
    expect(bad.sim.control.counters().tokenRequests).toBe(2);

    const text = [
      String(first),
      (first as DattoError).message,
      JSON.stringify(health),
      ...bad.logger.lines,
    ].join("\n");
    for (const secret of [TEST_KEY, "WRONG-secret-123456", TEST_SECRET])
      expect(text).not.toContain(secret);
  });

  it("never writes the key, the secret or the token into any log line", async () => {
    const h = createHarness({ simulator: { tokenLifetimeMs: 60_000 } });
    await someDeviceUids(h, 1);
    await h.clock.advance(61_000);
    await someDeviceUids(h, 1);
    const missing = h.gateway.read({ path: "/v2/device/none", schema: DattoDeviceSchema });
    expect(await driveToError(h.clock, missing)).toMatchObject({ kind: "not-found" });
    h.sim.control.setScenario("down");
    await driveToError(
      h.clock,
      h.gateway.read({ path: "/v2/account/sites", schema: DattoDeviceSchema }),
    );
    await settle();

    expect(h.logger.lines.length).toBeGreaterThan(2);
    expect(h.bearerTokens.size).toBe(2);
    const all = h.logger.lines.join("\n");
    for (const secret of [TEST_KEY, TEST_SECRET, ...h.bearerTokens])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(/Bearer|password=/i);
  });
});
