import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { SharedResponseStore } from "../datto/gateway/response-cache";
import type { Logger } from "../lib/logger";
import type { RedisChannels } from "./redis-channels";

/** Bigger answers (a whole fleet's pages) stay in the instance that read them. */
const MAX_SHARED_BYTES = 512 * 1024;
const INVALIDATE_CHANNEL = "cache-invalidate";

/** Deletes a load claim only while it is still this instance's (it may have lapsed and moved on). */
const RELEASE_IF_OURS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * The gateway's response cache, second level, shared by every instance (decision 0028): answers
 * are kept under `<prefix>cache:<path>\0<key>` for their max age plus their stale window; an
 * invalidation (after a write) deletes the keys under the path prefix and tells every instance to
 * drop its own copies. A miss is claimed under `<prefix>cache-load:<key>` (SET NX PX) by the one
 * instance that reads Datto for it; the others wait for its answer.
 */
export function createRedisResponseStore(
  redis: Redis,
  channels: RedisChannels,
  keyPrefix: string,
  logger: Logger,
): SharedResponseStore {
  const base = `${keyPrefix}cache:`;
  // Apart from `cache:`, so an invalidation's scan never meets a claim.
  const claimOf = (key: string) => `${keyPrefix}cache-load:${key}`;
  const holder = randomUUID();
  const keyOf = (key: string) =>
    `${base}${key.startsWith("pages:") ? key.split(":").slice(2).join(":") : key}\u0000${key}`;
  return {
    async get(key) {
      const raw = await redis.get(keyOf(key));
      if (!raw) return null;
      return JSON.parse(raw) as { data: unknown; fetchedAt: number };
    },
    set(key, _path, entry, ttlMs) {
      const text = JSON.stringify(entry);
      if (text.length > MAX_SHARED_BYTES) return;
      redis.set(keyOf(key), text, "PX", ttlMs).catch((error: unknown) => {
        logger.debug("shared cache not written", { error: String(error) });
      });
    },
    async claimLoad(key, ttlMs) {
      return (await redis.set(claimOf(key), holder, "PX", ttlMs, "NX")) === "OK";
    },
    async loadClaimed(key) {
      return (await redis.exists(claimOf(key))) === 1;
    },
    releaseLoad(key) {
      redis.eval(RELEASE_IF_OURS, 1, claimOf(key), holder).catch((error: unknown) => {
        logger.debug("shared cache claim not released", { error: String(error) });
      });
    },
    invalidate(prefix) {
      void (async () => {
        const stream = redis.scanStream({ match: `${base}${escapeGlob(prefix)}*`, count: 500 });
        for await (const keys of stream as AsyncIterable<string[]>) {
          if (keys.length > 0) await redis.unlink(...keys);
        }
        channels.publish(INVALIDATE_CHANNEL, prefix);
      })().catch((error: unknown) => {
        logger.warn("shared cache not invalidated", { prefix, error: String(error) });
      });
    },
    onInvalidate(listener) {
      channels.subscribe(INVALIDATE_CHANNEL, (prefix) => listener(prefix));
    },
  };
}
