import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { RateBudget } from "../datto/gateway/rate-budget";
import type { SharedResponseStore } from "../datto/gateway/response-cache";
import type { SharedTokenStore } from "../datto/gateway/token-manager";
import type { LiveEvent } from "../contract/live";
import type { Logger } from "../lib/logger";
import type { LiveBus } from "../live/live-bus";
import type { UpstreamAllowance } from "../middleware/upstream-allowance";
import { createLeaderLease, type LeaderLease } from "./leader-lease";
import { createRedisAllowance } from "./redis-allowance";
import { createRedisChannels, type RedisChannels } from "./redis-channels";
import { createRedisLiveBus } from "./redis-live-bus";
import { createRedisRateBudget } from "./redis-rate-budget";
import { createRedisResponseStore } from "./redis-response-store";
import { createRedisTokenStore } from "./redis-token-store";
import { createSlidingWindow } from "./sliding-window";

export type Coordination = {
  instanceId: string;
  keyPrefix: string;
  budget: RateBudget;
  token: SharedTokenStore;
  cache: SharedResponseStore;
  allowance: UpstreamAllowance;
  live: LiveBus & { beforeRemote(prepare: (event: LiveEvent) => Promise<void>): void };
  /** Messages between instances only (not for browsers): watched runs, refreshed rows. */
  channels: RedisChannels;
  /** The lease deciding which instance runs the background work (not started yet). */
  leader(callbacks: {
    onLead(): void | Promise<void>;
    onFollow(): void | Promise<void>;
  }): LeaderLease;
  close(): Promise<void>;
};

/**
 * Everything several instances share through Redis (REDIS_URL, decision 0028), connected and
 * checked before the server starts: a Redis that cannot be reached stops the start with a clear
 * message rather than let this instance spend a budget of its own.
 */
export async function connectCoordination(options: {
  url: string;
  keyPrefix: string;
  logger: Logger;
  limits: { reads: number; writesPerOperation: number; perPersonPerMinute: number };
}): Promise<Coordination> {
  const { url, keyPrefix, logger, limits } = options;
  const instanceId = randomUUID();
  const connect = () =>
    new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      connectTimeout: 5_000,
      commandTimeout: 5_000,
      // Reconnects forever, at most every 2 s; calls meanwhile fail fast (maxRetriesPerRequest).
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
  const redis = connect();
  const subscriber = connect();
  for (const client of [redis, subscriber]) {
    client.on("error", (error: Error) => logger.warn("redis", { error: error.message }));
  }
  try {
    await redis.connect();
    await subscriber.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    throw new CoordinationError(
      `Redis at REDIS_URL cannot be reached (${error instanceof Error ? error.message : "unknown error"}). ` +
        "Several instances need it to share one Datto budget: start Redis, or unset REDIS_URL to run one instance.",
    );
  }
  const window = createSlidingWindow(redis, instanceId);
  const channels = createRedisChannels(redis, subscriber, keyPrefix, logger);
  const leases: LeaderLease[] = [];
  return {
    instanceId,
    keyPrefix,
    budget: createRedisRateBudget(window, limits, keyPrefix),
    token: createRedisTokenStore(redis, keyPrefix, instanceId),
    cache: createRedisResponseStore(redis, channels, keyPrefix, logger),
    allowance: createRedisAllowance(window, keyPrefix, limits.perPersonPerMinute),
    live: createRedisLiveBus(channels, instanceId),
    channels,
    leader(callbacks) {
      const lease = createLeaderLease({
        redis,
        key: `${keyPrefix}leader`,
        instanceId,
        logger,
        ...callbacks,
      });
      leases.push(lease);
      return lease;
    },
    async close() {
      for (const lease of leases) await lease.stop();
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}

export class CoordinationError extends Error {
  override name = "CoordinationError";
}
