import type { LiveTopic } from "../contract/live";
import type { Logger } from "../lib/logger";
import type { Coordination } from "./coordination";
import type { LeaderLease } from "./leader-lease";

/** How often a follower checks for newer state from the leader (a one-row read each). */
export const FOLLOW_EVERY_MS = 5_000;

type Work = { start(): unknown; stop(): Promise<void> };

/**
 * What a follower serves from the leader's work: the leader stores it and says so with a live
 * hint (`topic`/`kind`); the follower loads it (true when it was newer) before its own tabs hear
 * the hint, and every few seconds in case a hint was lost.
 */
export type Followed = { topic: LiveTopic; kind: string; loadStored(): Promise<boolean> };

/**
 * Runs the background work (fleet walk, alert poller, and the trackers and samplers other parts
 * add): alone, at once; or, with several instances, only while this instance holds the leader
 * lease. Every instance answers queries from its own memory, a follower's loaded from the store.
 */
export function runBackground(deps: {
  background: Work[];
  coordination: Coordination | null;
  followed: Followed[];
  logger: Logger;
}) {
  const { background, coordination, followed, logger } = deps;
  let lease: LeaderLease | null = null;
  let following: NodeJS.Timeout | null = null;
  let stopping = false;

  const load = (f: Followed) =>
    f.loadStored().catch((error: unknown) => {
      logger.warn("stored state not loaded", { topic: f.topic, error: String(error) });
      return false;
    });
  const follow = () => {
    if (following || stopping) return;
    const loadAll = () => void Promise.all(followed.map(load));
    loadAll();
    following = setInterval(loadAll, FOLLOW_EVERY_MS);
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
      // The leader says when it stored new state: load it before this instance's tabs hear of it.
      coordination.live.beforeRemote(async (event) => {
        if (lease?.isLeader()) return;
        const f = followed.find((x) => x.topic === event.topic && x.kind === event.kind);
        if (f) await load(f);
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
