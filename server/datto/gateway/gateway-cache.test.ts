import { describe, expect, it } from "vitest";
import { createHarness, drive, settle, type Harness } from "../../testing/datto-harness";

const DEVICE = "GET /v2/device/{deviceUid}";

async function deviceUids(h: Harness): Promise<string[]> {
  return (await drive(h.clock, h.api.listAccountDevices())).data.map((d) => d.uid);
}

describe("gateway cache and coalescing", () => {
  it("answers 50 concurrent identical reads with one upstream call", async () => {
    const h = createHarness();
    const [uid] = await deviceUids(h);
    const answers = await drive(
      h.clock,
      Promise.all(Array.from({ length: 50 }, () => h.api.getDevice(uid!))),
    );
    expect(new Set(answers.map((a) => a.data.uid))).toEqual(new Set([uid]));
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(1);
    expect(h.gateway.health().cache).toMatchObject({ coalesced: 49 });

    const lists = await drive(
      h.clock,
      Promise.all(Array.from({ length: 10 }, () => h.api.listSites())),
    );
    expect(lists.every((l) => l.data.length === lists[0]!.data.length)).toBe(true);
    expect(h.sim.control.counters().byRoute["GET /v2/account/sites"]).toBe(1);
  });

  it("serves from cache within maxAge, then stale-while-revalidate with one refresh behind", async () => {
    const h = createHarness();
    const [uid] = await deviceUids(h);
    const options = { maxAgeMs: 30_000, staleWhileRevalidateMs: 60_000 };
    const first = await drive(h.clock, h.api.getDevice(uid!, options));

    await h.clock.advance(10_000);
    const hit = await h.api.getDevice(uid!, options);
    expect(hit).toEqual(first);
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(1);

    await h.clock.advance(30_000);
    const swr = await Promise.all([h.api.getDevice(uid!, options), h.api.getDevice(uid!, options)]);
    expect(swr[0]).toEqual({ ...first, stale: false });
    await drive(h.clock, settle(10));
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(2);

    const refreshed = await h.api.getDevice(uid!, options);
    expect(refreshed.fetchedAt).toBeGreaterThan(first.fetchedAt);
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(2);

    await h.clock.advance(200_000); // past max age and the SWR window: a plain miss
    await drive(h.clock, h.api.getDevice(uid!, options));
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(3);
    expect(h.gateway.health().cache).toMatchObject({ hits: 4 });
  });

  it("drops cached alert lists after a resolve, so the next read shows it gone", async () => {
    const h = createHarness();
    const open = await drive(h.clock, h.api.listOpenAlerts());
    const alert = open.data[0]!;
    await drive(h.clock, h.api.resolveAlert(alert.alertUid));
    const after = await drive(h.clock, h.api.listOpenAlerts());
    expect(after.data.some((a) => a.alertUid === alert.alertUid)).toBe(false);
    expect(h.sim.control.counters().byRoute["GET /v2/account/alerts/open"]).toBe(2);
    expect(h.sim.control.counters().byRoute["POST /v2/alert/{alertUid}/resolve"]).toBe(1);
  });

  it("stays bounded, evicting the least recently used answer", async () => {
    const h = createHarness({ gateway: { cacheMaxEntries: 5 } });
    const uids = (await deviceUids(h)).slice(0, 6);
    for (const uid of uids) await drive(h.clock, h.api.getDevice(uid));
    expect(h.gateway.health().cache.entries).toBe(5);
    await drive(h.clock, h.api.getDevice(uids[5]!)); // still cached
    await drive(h.clock, h.api.getDevice(uids[0]!)); // evicted (the device list took a slot too)
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(7);
  });
});

describe("gateway cache of Datto's refusals", () => {
  it("remembers a 404 for a minute, so made-up ids cannot drain the read budget", async () => {
    const h = createHarness();
    const missing = "0e1f2a3b-0000-4000-8000-000000000000";
    const ask = () => h.api.getDevice(missing).catch((e: unknown) => e);
    for (let i = 0; i < 10; i++)
      expect(await drive(h.clock, ask())).toMatchObject({ kind: "not-found" });
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(1);
    expect(h.gateway.health().cache).toMatchObject({ negatives: 1, negativeHits: 9 });

    // An unknown Datto filter on the account device list: same.
    const filtered = () => h.api.listAccountDevices({ filterId: 987654 }).catch((e: unknown) => e);
    expect(await drive(h.clock, filtered())).toMatchObject({ kind: "not-found" });
    expect(await drive(h.clock, filtered())).toMatchObject({ kind: "not-found" });
    expect(h.sim.control.counters().byRoute["GET /v2/account/devices"]).toBe(1);

    // A minute later Datto is asked again (the object may exist by now).
    await h.clock.advance(60_000);
    await drive(h.clock, ask());
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(2);

    // A refresh (invalidate) forgets the refusal too.
    h.gateway.invalidate("/v2/device/");
    await drive(h.clock, ask());
    expect(h.sim.control.counters().byRoute[DEVICE]).toBe(3);
  });

  it("never remembers a failure that says nothing about the object (5xx, timeouts)", async () => {
    const h = createHarness({ simulator: { scenario: "down" } });
    const ask = () =>
      h.api.getDevice("0e1f2a3b-0000-4000-8000-000000000001").catch((e: unknown) => e);
    await drive(h.clock, ask());
    expect(h.gateway.health().cache).toMatchObject({ negatives: 0 });
  });
});
