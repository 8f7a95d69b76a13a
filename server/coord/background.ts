import type { FleetIndex } from "../fleet/fleet-index";
import type { Logger } from "../lib/logger";
import type { Coordination } from "./coordination";
import type { LeaderLease } from "./leader-lease";

/** How often a follower checks for a newer fleet snapshot from the leader (a one-row read). */
export const FOLLOW_EVERY_MS = 5_000;

type Work = { start(): unknown; stop(): Promise<void> };

/**
 * Runs the background work (fleet walk, and the pollers, trackers and samplers other parts add):
 * alone, at once; or, with several instances, only while this instance holds the leader lease.
 * A follower loads the fleet snapshot the leader stores after each walk, so every instance
 * answers queries from its own in-memory index.
 */
export function runBackground(deps: {
  background: Work[];
  coordination: Coordination | null;
  fleet: Pick<FleetIndex, "loadStored">;
  logger: Logger;
}) {
  const { background, coordination, fleet, logger } = deps;
  let lease: LeaderLease | null = null;
  let following: NodeJS.Timeout | null = null;
  let stopping = false;

  const follow = () => {
    if (following || stopping) return;
    const load = () =>
      void fleet.loadStored().catch((error: unknown) => {
        logger.warn("stored fleet snapshot not loaded", { error: String(error) });
      });
    load();
    following = setInterval(load, FOLLOW_EVERY_MS);
    following.unref();
  };
  const unfollow = () => {
    if (following) clearInterval(following);
    following = null;
  };
  const startAll = () => {
    for (const work of background) void work.start();
  };
  const stopAll = async () => {
    for (const work of background) await work.stop();
  };

  return {
    start() {
      if (!coordination) return startAll();
      if (lease) return;
      // The leader says when it stored a walk: load it before this instance's tabs hear of it.
      coordination.live.beforeRemote(async (event) => {
        if (event.topic === "fleet" && event.kind === "synced" && !lease?.isLeader()) {
          await fleet.loadStored();
        }
      });
      follow();
      lease = coordination.leader({
        onLead: () => {
          unfollow();
          startAll();
        },
        onFollow: async () => {
          await stopAll();
          follow();
        },
      });
      lease.start();
    },
    role: (): "leader" | "follower" => (lease?.isLeader() ? "leader" : "follower"),
    async stop() {
      // A leader that stops hands over (onFollow), which must not start following again.
      stopping = true;
      unfollow();
      await lease?.stop();
    },
  };
}
