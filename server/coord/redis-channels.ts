import type { Redis } from "ioredis";
import type { Logger } from "../lib/logger";

/**
 * Pub/sub between instances over one subscriber connection (a subscribed Redis connection can do
 * nothing else). Channel names get the key prefix, so two deployments on one Redis stay apart.
 */
export function createRedisChannels(
  publisher: Redis,
  subscriber: Redis,
  keyPrefix: string,
  logger: Logger,
) {
  const listeners = new Map<string, Set<(message: string) => void>>();
  subscriber.on("message", (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) {
      try {
        listener(message);
      } catch (error) {
        logger.warn("channel listener failed", { channel, error: String(error) });
      }
    }
  });
  return {
    publish(channel: string, message: string) {
      publisher.publish(`${keyPrefix}${channel}`, message).catch((error: unknown) => {
        logger.warn("message not published", { channel, error: String(error) });
      });
    },
    /** Resolves once Redis confirmed the subscription. */
    subscribe(channel: string, listener: (message: string) => void): Promise<void> {
      const name = `${keyPrefix}${channel}`;
      let set = listeners.get(name);
      const first = !set;
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      return first ? subscriber.subscribe(name).then(() => undefined) : Promise.resolve();
    },
  };
}

export type RedisChannels = ReturnType<typeof createRedisChannels>;
