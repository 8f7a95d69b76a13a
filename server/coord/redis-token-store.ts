import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { SharedTokenStore, Token } from "../datto/gateway/token-manager";

const TokenSchema = z.object({ value: z.string(), obtainedAt: z.number(), expiresAt: z.number() });
/** Longer than a token request may take (its deadline is 20 s by default). */
const LOCK_MS = 30_000;
const POLL_MS = 100;

const DROP_IF_SAME = `
local stored = redis.call('GET', KEYS[1])
if stored and cjson.decode(stored).value == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The Datto token, fetched once for every instance (decision 0028): stored in Redis until shortly
 * after it expires; whoever needs a new one takes a lock, asks Datto and stores it, while the
 * others wait for it to appear. The token is a credential: it lives only in Redis and in memory,
 * never in a log.
 */
export function createRedisTokenStore(
  redis: Redis,
  keyPrefix: string,
  holderId: string,
): SharedTokenStore {
  const key = `${keyPrefix}datto:token`;
  const lockKey = `${keyPrefix}datto:token-lock`;
  const load = async (): Promise<Token | null> => {
    const raw = await redis.get(key);
    if (!raw) return null;
    const parsed = TokenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  };

  return {
    async obtain(request, isFresh) {
      const deadline = Date.now() + LOCK_MS;
      for (;;) {
        const stored = await load();
        if (stored && isFresh(stored)) return stored;
        if ((await redis.set(lockKey, holderId, "PX", LOCK_MS, "NX")) === "OK") {
          try {
            const again = await load();
            if (again && isFresh(again)) return again;
            const token = await request();
            const ttl = Math.max(1_000, token.expiresAt - token.obtainedAt);
            await redis.set(key, JSON.stringify(token), "PX", ttl);
            return token;
          } finally {
            await redis.eval(RELEASE_IF_OURS, 1, lockKey, holderId).catch(() => 0);
          }
        }
        // Another instance is asking Datto: its token appears here shortly.
        if (Date.now() > deadline) return request();
        await sleep(POLL_MS);
      }
    },
    async drop(value) {
      await redis.eval(DROP_IF_SAME, 1, key, value);
    },
  };
}
