import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../cli/simulator";
import type { SimulatorCounters } from "../datto/simulator/counters";
import {
  personOn,
  roleOf,
  signIn,
  startCluster,
  until,
  type Instance,
} from "../testing/cluster-harness";

// Runs only when DATABASE_URL and REDIS_URL are set (vite.config.ts). Issue 13's proof that three
// instances read Datto as one: the same people, walls and agent, sending the same requests on the
// same schedule, once to one instance and once spread over three, each against a fresh simulator
// (same seed) on a fresh schema and key prefix; the reads "Datto" counts must agree within 5%.
const DEVICES = 100;
const TICK_MS = 3_000;
const TICKS = 14;
const WINDOW_MS = TICKS * TICK_MS;
const PEOPLE = ["tc0", "tc1", "tc2"];

const pending: Array<Array<() => Promise<void> | void>> = [];
afterAll(async () => {
  for (const cleanups of pending) await runCleanups(cleanups);
});

async function runCleanups(cleanups: Array<() => Promise<void> | void>) {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

type Measured = {
  window: SimulatorCounters;
  windowReads: number;
  allReads: number;
  tokenRequests: number;
  status429: number;
  failures: string[];
};

const diff = (after: SimulatorCounters, before: SimulatorCounters): SimulatorCounters => ({
  ...after,
  reads: after.reads - before.reads,
  total: after.total - before.total,
  byRoute: Object.fromEntries(
    Object.entries(after.byRoute)
      .map(([route, n]) => [route, n - (before.byRoute[route] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  ),
});

/** Datto's read count once nothing has reached it for 3 s (the walk and its follow-ups done). */
const settled = (sim: RunningSimulator) =>
  until("Datto reads to settle", 90_000, async () => {
    const before = sim.simulator.control.counters().reads;
    await sleep(3_000);
    return sim.simulator.control.counters().reads === before ? before : null;
  });

async function measure(instanceCount: 1 | 3): Promise<Measured> {
  const cleanups: Array<() => Promise<void> | void> = [];
  pending.push(cleanups);
  const cluster = await startCluster({
    devices: DEVICES,
    people: [
      { username: "adm", role: "admin" },
      ...PEOPLE.map((username) => ({ username, role: "technician" as const })),
    ],
    cleanups,
    databaseUrl: process.env.DATABASE_URL!,
    redisUrl: process.env.REDIS_URL!,
  });
  const { sim } = cluster;
  const counters = () => sim.simulator.control.counters();
  try {
    const instances: Instance[] = await Promise.all(
      Array.from({ length: instanceCount }, () => cluster.start()),
    );
    const on = (n: number) => instances[n % instanceCount]!;
    await until("one leader", 30_000, async () => {
      const roles = await Promise.all(instances.map((i) => roleOf(i.url)));
      return roles.filter((r) => r === "leader").length === 1 ? true : null;
    });
    const people = await Promise.all(
      PEOPLE.map(async (name, n) => personOn(on(n).url, await signIn(on(n).url, name))),
    );
    const admin = personOn(on(0).url, await signIn(on(0).url, "adm"));
    const agentToken = (
      (await (
        await admin.post("/api/agent-tokens", {
          name: "reader",
          groups: { devices: "read-only", audit: "read-only", alerts: "read-only" },
        })
      ).json()) as { token: string }
    ).token;
    const wall = (await (await admin.post("/api/wall-tokens", { name: "NOC" })).json()) as {
      url: string;
    };
    const wallToken = new URL(wall.url).hash.replace(/^#token=/, "");
    // Every instance serves the leader's walk and its first alert poll before the window opens.
    await until("every instance to serve the fleet and the open alerts", 90_000, async () => {
      const ready = await Promise.all(
        people.map(async (p) => {
          const devices = await p.get("/api/devices?limit=1");
          const alerts = await p.get("/api/alerts?limit=1");
          if (!devices.ok || !alerts.ok) return false;
          const d = (await devices.json()) as { total: number };
          const a = (await alerts.json()) as { total: number };
          return d.total === DEVICES && a.total > 0;
        }),
      );
      return ready.every(Boolean) ? true : null;
    });

    // The window starts once the walk (one leader's, the same in both runs) and the followers'
    // start-up reads have settled: what is compared is what the load itself costs, so one
    // instance's fixed start-up reads cannot hide (or pass for) extra reads by three.
    const startReads = await settled(sim);
    const start = counters();
    const devices = sim.simulator.tenant
      .listDevices()
      .filter((d) => d.deviceClass === "device")
      .map((d) => d.uid)
      .sort();
    // Three devices each a person opens per tick, coming back every 4 ticks (12 s) on another
    // person's instance; four a whole team opens at once (one alert, three people). The 30 s
    // answers are fresh at 12 and 24 s and stale at 36 s, 6 s from either edge.
    const own = devices.slice(0, 12);
    const team = devices.slice(12, 16);
    const failures: string[] = [];
    const check = (what: string) => async (response: Response) => {
      if (response.status !== 200) failures.push(`${what}: ${response.status}`);
      await response.body?.cancel();
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const tick = (k: number) => {
      const calls: Array<Promise<void>> = [];
      people.forEach((person, p) => {
        const uid = own[(k + 4 * p) % own.length]!;
        const shared = team[k % team.length]!;
        for (const route of [
          `/api/devices?limit=50&offset=${(k * 7) % 50}`,
          "/api/alerts?limit=50",
          `/api/devices/${uid}`,
          `/api/devices/${uid}/audit`,
          `/api/devices/${uid}/software`,
          `/api/devices/${shared}`,
          `/api/devices/${shared}/audit`,
          `/api/devices/${shared}/alerts?state=open`,
        ]) {
          calls.push(person.get(route).then(check(`${PEOPLE[p]} ${route}`)));
        }
      });
      for (let w = 0; w < 3; w++) {
        calls.push(
          fetch(`${on(w).url}/api/wall/summary`, { headers: bearer(wallToken) }).then(
            check("wall"),
          ),
        );
      }
      calls.push(
        fetch(`${on(k).url}/api/agent/tools/datto-get-device-audit`, {
          method: "POST",
          headers: { ...bearer(agentToken), "Content-Type": "application/json" },
          body: JSON.stringify({ deviceUid: own[(k * 5) % own.length], type: "all" }),
        }).then(check("agent audit")),
      );
      return Promise.all(calls);
    };
    const openedAt = Date.now();
    const ticks: Array<Promise<unknown>> = [];
    for (let k = 0; k < TICKS; k++) {
      await sleep(Math.max(0, openedAt + k * TICK_MS - Date.now()));
      ticks.push(tick(k));
    }
    await Promise.all(ticks);
    // The window is as long in both runs (the leader's 45 s alert poll falls in it alike).
    await sleep(Math.max(0, openedAt + WINDOW_MS - Date.now()));
    const end = counters();
    return {
      window: diff(end, start),
      windowReads: end.reads - startReads,
      allReads: end.reads,
      tokenRequests: end.tokenRequests,
      status429: end.status429,
      failures,
    };
  } finally {
    await runCleanups(cleanups);
  }
}

describe("three instances read Datto as one", () => {
  it("cost Datto the reads one instance does for the same people, walls and agent", async () => {
    const one = await measure(1);
    const three = await measure(3);
    const report = { one: one.window.byRoute, three: three.window.byRoute };
    console.info(
      `reads in the window: one instance ${one.windowReads}, three ${three.windowReads}; ` +
        `from start: ${one.allReads} and ${three.allReads}\n${JSON.stringify(report, null, 1)}`,
    );
    for (const run of [one, three]) {
      expect(run.failures).toEqual([]);
      expect(run.tokenRequests).toBe(1);
      expect(run.status429).toBe(0);
    }
    expect(one.windowReads).toBeGreaterThan(40);
    expect(Math.abs(three.windowReads - one.windowReads)).toBeLessThanOrEqual(
      one.windowReads * 0.05,
    );
  }, 360_000);
});
