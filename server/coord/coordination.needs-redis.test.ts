import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "../contract/live";
import type { PersonActor } from "../contract/actor";
import { createLogger } from "../lib/logger";
import { createLeaderLease } from "./leader-lease";
import { createRedisAllowance } from "./redis-allowance";
import { createRedisChannels } from "./redis-channels";
import { createRedisLiveBus } from "./redis-live-bus";
import { createRedisRateBudget } from "./redis-rate-budget";
import { createRedisResponseStore } from "./redis-response-store";
import { createRedisTokenStore } from "./redis-token-store";
import { createSlidingWindow } from "./sliding-window";

// Runs only when REDIS_URL is set (vite.config.ts): each piece against a real Redis, with several
// clients standing in for several instances. Keys live under a prefix of this run, removed after.
const REDIS_URL = process.env.REDIS_URL!;
const prefix = `rmmd-test:${process.pid}:${randomBytes(3).toString("hex")}:`;
const logger = createLogger({ level: "error", secrets: [] });
const clients: Redis[] = [];
const client = () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  clients.push(redis);
  return redis;
};
const instances = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i}`, redis: client() }));
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(async () => {
  const redis = client();
  for await (const keys of redis.scanStream({ match: `${prefix}*` }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.del(...keys);
  }
  clients.forEach((c) => c.disconnect());
});
const person = (id: string): PersonActor => ({
  kind: "person",
  userId: id,
  username: id,
  role: "technician",
  sessionId: "s",
});

describe("coordination through Redis (REDIS_URL)", () => {
  it("gives a sliding window's slots to exactly its limit, however many instances ask at once", async () => {
    const windows = instances(3).map((i) => createSlidingWindow(i.redis, i.id));
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, n) => windows[n % 3]!.take(`${prefix}w`, 40, 60_000)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(40);
    for (const a of answers) if (!a.ok) expect(a.waitMs).toBeGreaterThan(59_000);
    expect(await windows[0]!.count(`${prefix}w`, 60_000)).toBe(40);
  });

  it("shares one read budget: background work keeps a fifth of it free for people", async () => {
    const budgets = instances(3).map((i) =>
      createRedisRateBudget(
        createSlidingWindow(i.redis, i.id),
        { reads: 30, writesPerOperation: 5 },
        prefix,
      ),
    );
    const background = await Promise.allSettled(
      Array.from({ length: 45 }, (_, n) =>
        budgets[n % 3]!.acquire("reads", "background", AbortSignal.timeout(1_500)),
      ),
    );
    expect(background.filter((r) => r.status === "fulfilled")).toHaveLength(24);
    const people = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) =>
        budgets[n % 3]!.acquire("reads", "interactive", AbortSignal.timeout(1_500)),
      ),
    );
    expect(people.filter((r) => r.status === "fulfilled")).toHaveLength(6);
    const writes = await Promise.allSettled(
      Array.from({ length: 9 }, (_, n) =>
        budgets[n % 3]!.acquire("device-job-create", "interactive", AbortSignal.timeout(1_000)),
      ),
    );
    expect(writes.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(budgets[0]!.stats().writes["device-job-create"]?.limit).toBe(5);
  });

  it("fetches the Datto token once for every instance, and again only after a 401 dropped it", async () => {
    const stores = instances(3).map((i) => createRedisTokenStore(i.redis, prefix, i.id));
    let requests = 0;
    const request = async () => {
      requests += 1;
      await sleep(150);
      const now = Date.now();
      return { value: `token-${requests}`, obtainedAt: now, expiresAt: now + 3_600_000 };
    };
    const fresh = (t: { expiresAt: number }) => t.expiresAt > Date.now() + 60_000;
    const tokens = await Promise.all(
      Array.from({ length: 15 }, (_, n) => stores[n % 3]!.obtain(request, fresh)),
    );
    expect(requests).toBe(1);
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(["token-1"]));

    await stores[1]!.drop("token-0"); // an older token: the stored one stays
    expect((await stores[2]!.obtain(request, fresh)).value).toBe("token-1");
    await stores[1]!.drop("token-1");
    expect((await stores[2]!.obtain(request, fresh)).value).toBe("token-2");
    expect((await stores[0]!.obtain(request, fresh)).value).toBe("token-2");
    expect(requests).toBe(2);
  });

  it("counts one person's allowance across instances", async () => {
    const allowances = instances(2).map((i) =>
      createRedisAllowance(createSlidingWindow(i.redis, i.id), prefix, 3),
    );
    const ann = person("ann");
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await allowances[n % 2]!.take(ann));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    expect(await allowances[0]!.take(person("bob"))).toEqual({ ok: true });
  });

  it("lets one instance lead, and another take over once the leader stops renewing", async () => {
    const events: string[] = [];
    const [a, b] = instances(2).map((i) =>
      createLeaderLease({
        redis: i.redis,
        key: `${prefix}leader`,
        instanceId: i.id,
        logger,
        ttlMs: 500,
        onLead: () => void events.push(`${i.id} leads`),
        onFollow: () => void events.push(`${i.id} follows`),
      }),
    );
    await a!.tick();
    await b!.tick();
    expect([a!.isLeader(), b!.isLeader()]).toEqual([true, false]);
    await a!.tick(); // renewed
    await b!.tick();
    expect(b!.isLeader()).toBe(false);
    // a stops renewing (a kill -9): its lease lapses and b takes it.
    await sleep(600);
    await b!.tick();
    expect(b!.isLeader()).toBe(true);
    // a wakes up: its renewal fails, so it stops its work.
    await a!.tick();
    expect(a!.isLeader()).toBe(false);
    expect(events).toEqual(["i0 leads", "i1 leads", "i0 follows"]);
    // A leader that stops hands the lease back at once.
    await b!.stop();
    await a!.tick();
    expect(a!.isLeader()).toBe(true);
    await a!.stop();
  });

  it("carries live hints to every instance's listeners, once each", async () => {
    const buses = instances(3).map((i) => {
      const subscriber = client();
      return createRedisLiveBus(createRedisChannels(i.redis, subscriber, prefix, logger), i.id);
    });
    await sleep(200); // subscriptions confirmed
    const heard: string[][] = [[], [], []];
    buses.forEach((bus, n) => bus.subscribe((e) => heard[n]!.push(`${e.topic}:${e.kind}`)));
    const prepared: string[] = [];
    buses[2]!.beforeRemote(async (e) => {
      prepared.push(e.kind);
      await sleep(50);
    });
    const event: LiveEvent = { topic: "alerts", kind: "claimed", id: "a1", at: 1 };
    buses[0]!.publish(event);
    await sleep(300);
    expect(heard).toEqual([["alerts:claimed"], ["alerts:claimed"], ["alerts:claimed"]]);
    expect(prepared).toEqual(["claimed"]);
  });

  it("shares cached answers, and an invalidation reaches every instance", async () => {
    const [a, b] = instances(2).map((i) =>
      createRedisResponseStore(
        i.redis,
        createRedisChannels(i.redis, client(), prefix, logger),
        prefix,
        logger,
      ),
    );
    const dropped: string[] = [];
    b!.onInvalidate((p) => dropped.push(p));
    await sleep(200);
    a!.set("/v2/device/d1", "/v2/device/d1", { data: { uid: "d1" }, fetchedAt: 5 }, 10_000);
    a!.set(
      "pages:sites:/v2/account/sites?max=250",
      "/v2/account/sites",
      { data: [1], fetchedAt: 6 },
      10_000,
    );
    await sleep(100);
    expect(await b!.get("/v2/device/d1")).toEqual({ data: { uid: "d1" }, fetchedAt: 5 });
    a!.invalidate("/v2/device/d1");
    await sleep(300);
    expect(await b!.get("/v2/device/d1")).toBeNull();
    expect(await b!.get("pages:sites:/v2/account/sites?max=250")).toEqual({
      data: [1],
      fetchedAt: 6,
    });
    expect(dropped).toEqual(["/v2/device/d1"]);
  });
});
