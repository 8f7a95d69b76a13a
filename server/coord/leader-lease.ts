import type { Redis } from "ioredis";
import type { Logger } from "../lib/logger";

export const LEADER_LEASE = { ttlMs: 15_000, renewEveryMs: 5_000 };

const RENEW_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export type LeaderLease = {
  isLeader(): boolean;
  /** The instance id holding the lease as last seen, or null. */
  leaderId(): string | null;
  start(): void;
  /** Stops trying; a leader stops its work and frees the lease, so another takes over at once. */
  stop(): Promise<void>;
  /** One round (tests): try to take or renew the lease now. */
  tick(): Promise<void>;
};

/**
 * Which instance runs the background work (fleet walk, pollers, trackers, samplers): the one
 * holding a Redis key that expires `ttlMs` after its last renewal. Every instance tries every
 * `renewEveryMs`; the holder renews. A holder that dies (kill -9, host lost) stops renewing and
 * another instance takes over within ttl + one round, 20 s by default (issue 13 asks for 30 s).
 * A holder that cannot renew (Redis unreachable, or it stalled past the ttl and lost the key)
 * stops its work at once: two walkers would spend the budget twice.
 */
export function createLeaderLease(deps: {
  redis: Redis;
  key: string;
  instanceId: string;
  logger: Logger;
  onLead: () => void | Promise<void>;
  onFollow: () => void | Promise<void>;
  ttlMs?: number;
  renewEveryMs?: number;
}): LeaderLease {
  const { redis, key, instanceId, logger } = deps;
  const ttlMs = deps.ttlMs ?? LEADER_LEASE.ttlMs;
  const every = deps.renewEveryMs ?? LEADER_LEASE.renewEveryMs;
  let leading = false;
  let leader: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  let stopped = false;

  const become = async (next: boolean) => {
    if (next === leading) return;
    leading = next;
    logger.info(next ? "this instance now leads the background work" : "this instance follows", {
      instance: instanceId,
    });
    try {
      await (next ? deps.onLead() : deps.onFollow());
    } catch (error) {
      logger.error("leader change failed", { error: String(error) });
    }
  };

  async function once() {
    if (stopped) return;
    try {
      if (leading) {
        const renewed = Number(await redis.eval(RENEW_IF_OURS, 1, key, instanceId, ttlMs));
        if (renewed !== 1) await become(false);
      } else {
        const taken = await redis.set(key, instanceId, "PX", ttlMs, "NX");
        if (taken === "OK") await become(true);
      }
      leader = await redis.get(key);
    } catch (error) {
      logger.warn("leader lease not renewed: Redis unreachable", { error: String(error) });
      await become(false);
    }
  }

  const tick = () => (round = round.then(once));

  return {
    isLeader: () => leading,
    leaderId: () => leader,
    start() {
      if (timer) return;
      void tick();
      timer = setInterval(() => void tick(), every);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await round;
      if (leading) {
        await become(false);
        await redis.eval(RELEASE_IF_OURS, 1, key, instanceId).catch(() => 0);
      }
    },
    tick,
  };
}
