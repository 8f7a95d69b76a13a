import { LiveEventSchema, type LiveEvent } from "../contract/live";
import type { LiveBus } from "../live/live-bus";
import { createLiveBus } from "../live/live-bus";
import type { RedisChannels } from "./redis-channels";

const CHANNEL = "live";

/**
 * The live bus (server/live/live-bus.ts) across instances: an event published on any instance
 * reaches the listeners (open live streams) of every one, through Redis pub/sub. Local listeners
 * hear it at once; the others when Redis delivers it (after `beforeRemote`'s preparation). A
 * message that does not parse is dropped.
 */
export function createRedisLiveBus(
  channels: RedisChannels,
  instanceId: string,
): LiveBus & { beforeRemote(prepare: (event: LiveEvent) => Promise<void>): void } {
  const local = createLiveBus();
  let prepare: (event: LiveEvent) => Promise<void> = async () => {};
  void channels.subscribe(CHANNEL, (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null) return;
    const { origin, event: raw } = parsed as { origin?: unknown; event?: unknown };
    if (origin === instanceId) return;
    const result = LiveEventSchema.safeParse(raw);
    if (!result.success) return;
    const event = result.data;
    // E.g. a follower loads the snapshot the leader just stored before its tabs refetch.
    void prepare(event)
      .catch(() => undefined)
      .finally(() => local.publish(event));
  });
  return {
    publish(event) {
      local.publish(event);
      channels.publish(CHANNEL, JSON.stringify({ origin: instanceId, event }));
    },
    subscribe: (listener) => local.subscribe(listener),
    listeners: () => local.listeners(),
    beforeRemote(next) {
      prepare = next;
    },
  };
}
