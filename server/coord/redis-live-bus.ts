import { LiveEventSchema } from "../contract/live";
import type { LiveBus } from "../live/live-bus";
import { createLiveBus } from "../live/live-bus";
import type { RedisChannels } from "./redis-channels";

const CHANNEL = "live";

/**
 * The live bus (server/live/live-bus.ts) across instances: an event published on any instance
 * reaches the listeners (open live streams) of every one, through Redis pub/sub. Local listeners
 * hear it at once; the others when Redis delivers it. A message that does not parse is dropped.
 */
export function createRedisLiveBus(channels: RedisChannels, instanceId: string): LiveBus {
  const local = createLiveBus();
  void channels.subscribe(CHANNEL, (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null) return;
    const { origin, event } = parsed as { origin?: unknown; event?: unknown };
    if (origin === instanceId) return;
    const result = LiveEventSchema.safeParse(event);
    if (result.success) local.publish(result.data);
  });
  return {
    publish(event) {
      local.publish(event);
      channels.publish(CHANNEL, JSON.stringify({ origin: instanceId, event }));
    },
    subscribe: (listener) => local.subscribe(listener),
    listeners: () => local.listeners(),
  };
}
