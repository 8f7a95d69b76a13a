import type { Redis } from "ioredis";

/**
 * One rolling window in Redis, atomic across every instance: drop what left the window, count,
 * and either add this call or say how long until a slot frees. Times are the Redis server's
 * (TIME), so instances on hosts with drifting clocks still share one window. Returns
 * {1, count after adding, now} or {0, ms to wait, now}.
 */
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, n + 1, now}
end
local at = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
return {0, tonumber(at[2]) + window - now, now}
`;

export type WindowAnswer =
  { ok: true; used: number; now: number } | { ok: false; waitMs: number; now: number };

export function createSlidingWindow(redis: Redis, instanceId: string) {
  let sequence = 0;
  return {
    async take(key: string, limit: number, windowMs: number): Promise<WindowAnswer> {
      sequence += 1;
      const [ok, value, now] = (await redis.eval(
        SCRIPT,
        1,
        key,
        limit,
        windowMs,
        `${instanceId}:${sequence}`,
      )) as [number, number, number];
      return ok === 1
        ? { ok: true, used: value, now }
        : { ok: false, waitMs: Math.max(1, value), now };
    },
    /** Calls in the window now (for health figures). */
    async count(key: string, windowMs: number): Promise<number> {
      const [seconds, micros] = await redis.time();
      const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      return redis.zcount(key, `(${now - windowMs}`, "+inf");
    },
  };
}

export type SlidingWindow = ReturnType<typeof createSlidingWindow>;
