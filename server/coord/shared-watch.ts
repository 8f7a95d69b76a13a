import type { JobTracker } from "../jobs/job-tracker";
import type { Clock } from "../lib/clock";
import type { RedisChannels } from "./redis-channels";

const CHANNEL = "job-watch";
/** A run page polls every few seconds: tell the leader at most this often per run. */
const SAY_EVERY_MS = 10_000;

/**
 * Someone has a run open on this instance: the leader's tracker (the only one running with several
 * instances) polls that run first. Each instance passes on the runs its people watch; every
 * instance listens, and the one whose tracker runs acts on it.
 */
export function shareWatches(
  tracker: JobTracker,
  channels: RedisChannels | null,
  clock: Clock,
): JobTracker {
  if (!channels) return tracker;
  const said = new Map<string, number>();
  void channels.subscribe(CHANNEL, (runId) => tracker.watch(runId));
  return {
    ...tracker,
    watch(runId) {
      tracker.watch(runId);
      const now = clock.now();
      if (now - (said.get(runId) ?? -Infinity) < SAY_EVERY_MS) return;
      for (const [id, at] of said) if (now - at >= SAY_EVERY_MS) said.delete(id);
      said.set(runId, now);
      channels.publish(CHANNEL, runId);
    },
  };
}
