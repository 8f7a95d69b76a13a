import { describe, expect, it } from "vitest";
import type { DattoError } from "./datto-error";
import { createHarness, drive, settle, type Harness } from "../../testing/datto-harness";

async function deviceUids(h: Harness): Promise<string[]> {
  return (await drive(h.clock, h.api.listAccountDevices())).data.map((d) => d.uid);
}

/** Fires one read per uid at once and waits for all of them (driving the clock). */
async function burst(h: Harness, uids: string[]) {
  const calls = uids.map((uid) => h.api.getDevice(uid, { maxAgeMs: 0, priority: "background" }));
  return drive(h.clock, Promise.allSettled(calls));
}

const kinds = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as DattoError).kind));

describe("gateway and Datto's rate limits (API.md §3)", () => {
  it("backs off after a 429 and never runs into the 403 block, minute after minute", async () => {
    const h = createHarness({ simulator: { scenario: "rate-limited", devices: 60 } });
    const uids = await deviceUids(h);

    const results = await burst(h, uids);
    expect(kinds(results)).toContain("rate-limited");
    const health = h.gateway.health();
    expect(health.state).toBe("rate-limited");
    expect(health.blockedUntil).toBeGreaterThan(h.clock.now());
    // No Retry-After from Datto: the pause lasts a minute and the limited call never hammers.
    expect(h.sim.control.counters().status429).toBeLessThanOrEqual(6);

    // While paused, calls fail fast and nothing reaches Datto.
    const before = h.sim.control.counters().total;
    await burst(h, uids.slice(0, 10));
    expect(h.sim.control.counters().total).toBe(before);

    // A background refresher keeps asking for 10 devices every 5 s for five minutes.
    for (let round = 0; round < 60; round++) {
      const start = (round * 10) % uids.length;
      await burst(h, uids.slice(start, start + 10));
      await h.clock.advance(5_000);
    }
    const counters = h.sim.control.counters();
    expect(counters.status403).toBe(0);
    expect(counters.status429).toBeLessThanOrEqual(6 * 7);
    expect(counters.byRoute["GET /v2/device/{deviceUid}"]).toBeGreaterThan(5 * 19);
  });

  it("opens a 5-minute circuit when a 403 follows 429s", async () => {
    const h = createHarness({
      simulator: { rateLimits: { readsPerMinute: 10, blockAfter429s: 2 } },
    });
    const [uid] = await deviceUids(h);
    // Another tool on the same tenant uses up the account's quota (the quota is per account).
    const tokenAnswer = await h.sim.fetch("/auth/oauth/token", {
      method: "POST",
      headers: {
        Authorization: `Basic ${btoa("public-client:public")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "password",
        username: h.sim.credentials.apiKey,
        password: h.sim.credentials.apiSecret,
      }).toString(),
    });
    const { access_token } = (await tokenAnswer.json()) as { access_token: string };
    const rogue = () =>
      h.sim.fetch("/api/v2/account", { headers: { Authorization: `Bearer ${access_token}` } });
    for (let i = 0; i < 9; i++) await drive(h.clock, rogue());

    const limited = await drive(
      h.clock,
      h.api.getDevice(uid!, { maxAgeMs: 0 }).catch((e: unknown) => e),
    );
    expect(limited).toMatchObject({ kind: "rate-limited" });
    for (let i = 0; i < 2; i++) await drive(h.clock, rogue()); // the rogue tool keeps going and earns the block
    expect(h.sim.control.counters().status403).toBe(1);

    await h.clock.advance(60_000);
    const blocked = await drive(
      h.clock,
      h.api.getDevice(uid!, { maxAgeMs: 0 }).catch((e: unknown) => e),
    );
    expect(blocked).toMatchObject({ kind: "blocked" });
    const health = h.gateway.health();
    expect(health.state).toBe("blocked");
    expect(health.blockedUntil).toBe(h.clock.now() + 5 * 60_000);

    const before = h.sim.control.counters().total;
    await h.clock.advance(4 * 60_000);
    const still = await drive(
      h.clock,
      h.api.getDevice(uid!, { maxAgeMs: 0 }).catch((e: unknown) => e),
    );
    expect(still).toMatchObject({ kind: "blocked", retryAt: health.blockedUntil });
    expect(h.sim.control.counters().total).toBe(before);

    await h.clock.advance(61_000);
    const back = await drive(h.clock, h.api.getDevice(uid!, { maxAgeMs: 0 }));
    expect(back.data.uid).toBe(uid);
    expect(h.gateway.health().state).toBe("ok");
  });

  it("queues reads beyond its own budget instead of exceeding it, keeping room for people", async () => {
    const h = createHarness({ gateway: { readsPerMinute: 10 } });
    const uids = await deviceUids(h); // 1 read
    const background = uids
      .slice(0, 15)
      .map((uid) => h.api.getDevice(uid, { priority: "background" }));
    await settle(10);
    // Background work stops at 8 of 10: a fifth of the budget is kept for interactive reads.
    expect(h.sim.control.counters().reads).toBe(8);
    expect(h.gateway.health().budget).toMatchObject({ readsUsed: 8, queued: 8 });

    const urgent = h.api.getDevice(uids[40]!, { priority: "interactive" });
    await settle(10);
    expect(h.sim.control.counters().reads).toBe(9);
    expect(h.requests.at(-1)).toContain(uids[40]);

    await h.clock.advance(59_999);
    await settle(10);
    expect(h.sim.control.counters().reads).toBe(9);

    await drive(h.clock, Promise.all([...background, urgent]));
    expect(h.sim.control.counters().reads).toBe(17);
  });

  it("gives up waiting for budget when the caller's signal aborts", async () => {
    const h = createHarness({ gateway: { readsPerMinute: 1 } });
    const uids = await deviceUids(h);
    const controller = new AbortController();
    const waiting = h.api
      .getDevice(uids[0]!, { signal: controller.signal })
      .catch((e: unknown) => e);
    await settle();
    expect(h.gateway.health().budget.queued).toBe(1);
    controller.abort(new Error("user went away"));
    expect(await waiting).toMatchObject({ message: "user went away" });
    expect(h.gateway.health().budget.queued).toBe(0);
  });

  it("stops waiting for budget after queueTimeoutMs without calling Datto down", async () => {
    const h = createHarness({ gateway: { readsPerMinute: 1, queueTimeoutMs: 5_000 } });
    const uids = await deviceUids(h);
    const started = h.clock.now();
    const error = await drive(
      h.clock,
      h.api.getDevice(uids[0]!).catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ kind: "rate-limited" });
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(h.clock.now() - started).toBeLessThan(6_000);
    expect(h.gateway.health().state).toBe("ok");
  });
});
