import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password";
import { startSimulatorServer, type RunningSimulator } from "../cli/simulator";
import type { SimulatorCounters } from "../datto/simulator/counters";
import { systemClock } from "../lib/clock";
import { openPostgresStore } from "../store/postgres/open-postgres-store";
import {
  freePort,
  startServerProcess,
  withSchema,
  type ServerProcess,
} from "../testing/server-process";
import { createTestSchema } from "../testing/store/postgres-server-harness";
import { roleOf as role, signIn, until } from "../testing/cluster-harness";

// Runs only when DATABASE_URL and REDIS_URL are set (vite.config.ts): three real server processes
// on one PostgreSQL schema and one Redis key prefix of their own, against the standalone simulator
// as a live Datto tenant, with a small read budget so that three separate budgets would show.
const DATABASE_URL = process.env.DATABASE_URL!;
const REDIS_URL = process.env.REDIS_URL!;
const READS_PER_MINUTE = 60;
const DEVICES = 300;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Instance = { process: ServerProcess; url: string; cookie: string };

/** Reads the simulator's counters every 200 ms: the proof of what reached "Datto", and when. */
function sampleCounters(sim: RunningSimulator) {
  const samples: Array<{ at: number; reads: number }> = [];
  const timer = setInterval(() => {
    samples.push({ at: Date.now(), reads: sim.simulator.control.counters().reads });
  }, 200);
  cleanups.push(() => clearInterval(timer));
  return {
    /** The most reads seen between two samples less than 60 s apart. */
    maxInAnyMinute() {
      let max = 0;
      for (let i = 0; i < samples.length; i++) {
        for (let j = i + 1; j < samples.length && samples[j]!.at - samples[i]!.at < 60_000; j++) {
          max = Math.max(max, samples[j]!.reads - samples[i]!.reads);
        }
      }
      return max;
    },
  };
}

/** Collects what one live stream (GET /api/live) delivers. */
function listen(instance: Instance) {
  const controller = new AbortController();
  cleanups.push(() => controller.abort());
  let text = "";
  void (async () => {
    const response = await fetch(`${instance.url}/api/live?seconds=120`, {
      headers: { Cookie: instance.cookie },
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
    }
  })().catch(() => undefined);
  return { text: () => text };
}

describe("three instances on one PostgreSQL and one Redis", () => {
  it("behave as one Datto client: one budget, one token, one walker, and a leader that is replaced", async () => {
    const sim = await startSimulatorServer(
      { port: 0, host: "127.0.0.1" },
      { seed: 13, devices: DEVICES, apiKey: "sim-key", apiSecret: "sim-secret" },
    );
    cleanups.push(() => sim.close());
    const counters = (): SimulatorCounters => sim.simulator.control.counters();
    const sampler = sampleCounters(sim);

    const { schema, drop } = await createTestSchema(DATABASE_URL, "rmmd_three");
    cleanups.push(drop);
    const databaseUrl = withSchema(DATABASE_URL, schema);
    const keyPrefix = `rmmd-three-${process.pid}-${randomBytes(3).toString("hex")}:`;
    cleanups.push(async () => {
      const redis = new Redis(REDIS_URL);
      for await (const keys of redis.scanStream({ match: `${keyPrefix}*` }) as AsyncIterable<
        string[]
      >) {
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
    });
    // A live tenant has no demo accounts: the admin creates people first (here, straight in PG).
    const store = await openPostgresStore({ connectionString: databaseUrl, clock: systemClock });
    const passwordHash = await hashPassword("several-instances");
    for (const username of ["ann", "bob", "cat"]) {
      await store.users.create({ username, role: "technician", passwordHash });
    }
    await store.close();

    const start = async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-three-"));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      const process = startServerProcess({
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        REDIS_KEY_PREFIX: keyPrefix,
        DATTO_API_URL: sim.url,
        DATTO_API_KEY: "sim-key",
        DATTO_API_SECRET: "sim-secret",
        READ_BUDGET_PER_MINUTE: String(READS_PER_MINUTE),
        PERSON_DATTO_REQUESTS_PER_MINUTE: "1000",
      });
      cleanups.push(() => process.kill());
      return process;
    };
    const processes = await Promise.all([start(), start(), start()]);
    const urls = await Promise.all(processes.map((p) => p.listening()));
    const instances: Instance[] = await Promise.all(
      urls.map(async (url, i) => ({
        process: processes[i]!,
        url,
        cookie: await signIn(url, ["ann", "bob", "cat"][i]!),
      })),
    );

    // A server started without REDIS_URL on their database is refused: it would spend a budget
    // of its own.
    const loneDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-lone-"));
    cleanups.push(() => fs.rmSync(loneDir, { recursive: true, force: true }));
    const lone = startServerProcess({
      PORT: String(await freePort()),
      DATA_DIR: loneDir,
      DATABASE_URL: databaseUrl,
      DATTO_API_URL: sim.url,
      DATTO_API_KEY: "sim-key",
      DATTO_API_SECRET: "sim-secret",
    });
    cleanups.push(() => lone.kill());
    expect(await lone.exited).toBe(1);
    expect(lone.stderr()).toContain(
      "RMM Deck cannot start.\nAnother RMM Deck is already running on this database",
    );

    // One leader, and every instance serves the whole fleet the leader walked.
    const roles = await until("one leader", 20_000, async () => {
      const now = await Promise.all(urls.map(role));
      return now.filter((r) => r === "leader").length === 1 && !now.includes("none") ? now : null;
    });
    expect(roles.filter((r) => r === "follower")).toHaveLength(2);
    const total = async (i: Instance) => {
      const response = await fetch(`${i.url}/api/devices?limit=1`, {
        headers: { Cookie: i.cookie },
      });
      return response.ok ? ((await response.json()) as { total: number }).total : -1;
    };
    await until("every instance to serve the fleet", 45_000, async () =>
      (await Promise.all(instances.map(total))).every((t) => t === DEVICES) ? true : null,
    );
    // The open alerts, polled by the leader alone, are served by every instance.
    const openAlerts = async (i: Instance) => {
      const response = await fetch(`${i.url}/api/alerts`, { headers: { Cookie: i.cookie } });
      return response.ok ? ((await response.json()) as { total: number }).total : -1;
    };
    const alertTotals = await until("every instance to serve the open alerts", 30_000, async () => {
      const totals = await Promise.all(instances.map(openAlerts));
      return totals[0]! > 0 && totals.every((t) => t === totals[0]) ? totals : null;
    });
    expect(alertTotals[0]).toBeGreaterThan(0);
    // One walk's read of them and the one poller's (a second poll 45 s on): three pollers would
    // have made it four at least.
    expect(counters().byRoute["GET /v2/account/alerts/open"]).toBeLessThanOrEqual(3);
    await sleep(2_000);
    const walkCalls = counters().byRoute["GET /v2/account/sites"] ?? 0;
    expect(walkCalls).toBe(1);
    // Every instance has called Datto by now (the followers for device pages below too): one token.
    await Promise.all(
      instances.map(async (instance, n) => {
        const uid = (await (
          await fetch(`${instance.url}/api/devices?limit=3`, {
            headers: { Cookie: instance.cookie },
          })
        ).json()) as { rows: Array<{ uid: string }> };
        const response = await fetch(`${instance.url}/api/devices/${uid.rows[n]!.uid}`, {
          headers: { Cookie: instance.cookie },
        });
        expect(response.status).toBe(200);
      }),
    );
    expect(counters().tokenRequests).toBe(1);

    // kill -9 of the leader: another instance leads within 30 s, walks, and says so on the live
    // bus, which reaches a person connected to the third instance.
    const leader = instances[roles.indexOf("leader")]!;
    const rest = instances.filter((i) => i !== leader);
    const streams = rest.map(listen);
    await sleep(500);
    const killedAt = Date.now();
    leader.process.kill("SIGKILL");
    await leader.process.exited;
    const newLeader = await until("a new leader", 30_000, async () => {
      const now = await Promise.all(rest.map((i) => role(i.url)));
      return now.includes("leader") ? rest[now.indexOf("leader")]! : null;
    });
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const follower = rest.find((i) => i !== newLeader)!;
    const followerStream = streams[rest.indexOf(follower)]!;
    await until("the new leader's walk to reach the follower's live stream", 45_000, async () =>
      /event: fleet[\s\S]*"kind":"synced"/.test(followerStream.text()) ? true : null,
    );
    expect(counters().byRoute["GET /v2/account/sites"]).toBe(2);
    expect(counters().tokenRequests).toBe(1);

    // One budget: 2 x 40 device pages at once (cache misses) want 80 reads on top of the walks;
    // two separate budgets would allow 120 a minute, the shared one 60.
    const devices = (await (
      await fetch(`${follower.url}/api/devices?limit=80&offset=10`, {
        headers: { Cookie: follower.cookie },
      })
    ).json()) as { rows: Array<{ uid: string }> };
    const pages = devices.rows.map((d, n) => {
      const instance = n % 2 === 0 ? newLeader : follower;
      return fetch(`${instance.url}/api/devices/${d.uid}`, {
        headers: { Cookie: instance.cookie },
        signal: AbortSignal.timeout(20_000),
      }).then(
        (r) => r.status,
        () => "waiting",
      );
    });
    const statuses = await Promise.all(pages);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(10);
    expect(statuses).toContain("waiting");
    expect(sampler.maxInAnyMinute()).toBeLessThanOrEqual(READS_PER_MINUTE);
    // Saturated: the shared window filled (a few reads may still be on their way at the end).
    expect(sampler.maxInAnyMinute()).toBeGreaterThanOrEqual(READS_PER_MINUTE - 10);
    expect(counters().status429).toBe(0);

    // A leader stopped cleanly (SIGTERM, a deploy) hands over at once: the next round, 5 s.
    const stoppedAt = Date.now();
    newLeader.process.kill("SIGTERM");
    await until("the last instance to lead", 15_000, async () =>
      (await role(follower.url)) === "leader" ? true : null,
    );
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  }, 180_000);
});
