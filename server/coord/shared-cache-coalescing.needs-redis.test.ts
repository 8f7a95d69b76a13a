import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { DattoError } from "../datto/gateway/datto-error";
import { createResponseCache } from "../datto/gateway/response-cache";
import { systemClock } from "../lib/clock";
import { createLogger } from "../lib/logger";
import { createRedisChannels } from "./redis-channels";
import { createRedisResponseStore } from "./redis-response-store";

// Runs only when REDIS_URL is set (vite.config.ts): the gateway's response caches of three
// "instances" over one real Redis, each with clients of its own, under a key prefix of this run.
const REDIS_URL = process.env.REDIS_URL!;
const prefix = `rmmd-coalesce:${process.pid}:${randomBytes(3).toString("hex")}:`;
const logger = createLogger({ level: "error", secrets: [] });
const clients: Redis[] = [];
const client = () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  clients.push(redis);
  return redis;
};
afterAll(async () => {
  const redis = client();
  for await (const keys of redis.scanStream({ match: `${prefix}*` }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.del(...keys);
  }
  clients.forEach((c) => c.disconnect());
});

const sharedStore = () => {
  const redis = client();
  return createRedisResponseStore(
    redis,
    createRedisChannels(redis, client(), prefix, logger),
    prefix,
    logger,
  );
};
const caches = (n: number) =>
  Array.from({ length: n }, () => createResponseCache(systemClock, logger, 100, sharedStore()));

/** A Datto read that answers when told to, counting how often it was asked. */
function upstream() {
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (release = resolve));
  const calls = { count: 0 };
  const loader = (result: () => unknown) => async () => {
    calls.count += 1;
    await answered;
    return result();
  };
  return { calls, loader, release: () => release() };
}

const READ = { maxAgeMs: 30_000, staleWhileRevalidateMs: 0 };

describe("a miss coalesced across instances (shared response cache)", () => {
  it("reads Datto once when three instances miss the same key at once", async () => {
    const three = caches(3);
    const datto = upstream();
    const reads = three.map((cache) =>
      cache.read("/v2/device/d1", "/v2/device/d1", READ, datto.loader(() => ({ uid: "d1" }))),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    datto.release();
    const answers = await Promise.all(reads);
    expect(datto.calls.count).toBe(1);
    for (const a of answers) expect(a.data).toEqual({ uid: "d1" });
    expect(new Set(answers.map((a) => a.fetchedAt)).size).toBe(1);
  });

  it("uses an answer that arrived between its own miss and its claim", async () => {
    const [a] = caches(1);
    let reads = 0;
    const load = async () => {
      reads += 1;
      return { uid: "d3" };
    };
    await a!.read("/v2/device/d3", "/v2/device/d3", READ, load);
    // The other instance's first look came just before that answer was stored.
    const store = sharedStore();
    let looks = 0;
    const late = createResponseCache(systemClock, logger, 100, {
      ...store,
      get: (key) => (looks++ === 0 ? Promise.resolve(null) : store.get(key)),
    });
    const answer = await late.read("/v2/device/d3", "/v2/device/d3", READ, load);
    expect(answer.data).toEqual({ uid: "d3" });
    expect(reads).toBe(1);
  });

  it("reads again elsewhere when the claiming instance's read fails (Datto's no is not shared)", async () => {
    const [a, b] = caches(2);
    const datto = upstream();
    const first = a!.read("/v2/device/d2", "/v2/device/d2", READ, async () => {
      datto.calls.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new DattoError("upstream", "Datto did not answer.");
    });
    first.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await b!.read("/v2/device/d2", "/v2/device/d2", READ, async () => {
      datto.calls.count += 1;
      return { uid: "d2" };
    });
    await expect(first).rejects.toThrow("Datto did not answer.");
    expect(second.data).toEqual({ uid: "d2" });
    expect(datto.calls.count).toBe(2);
  });

  it("does not share a read that must be fresh now (max age 0)", async () => {
    const [a, b] = caches(2);
    const datto = upstream();
    const now = { maxAgeMs: 0, staleWhileRevalidateMs: 0 };
    const reads = [a!, b!].map((cache) =>
      cache.read("/v2/alert/x", "/v2/alert/x", now, datto.loader(() => ({ uid: "x" }))),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    datto.release();
    await Promise.all(reads);
    expect(datto.calls.count).toBe(2);
  });
});
