import { randomUUID } from "node:crypto";
import { authorize } from "../auth/authorize";
import { actorId, type Actor } from "../contract/actor";
import type { ResolveBatch, ResolveResult } from "../contract/alerts";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { refusal, type Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";

const RUN_KEEP_MS = 60 * 60_000;
const MAX_RUNS = 200;

/** A run as kept here: the batch the browser reads, and who may read it. */
type Run = ResolveBatch & { ownerId: string | null };

/**
 * Bulk resolve runs the browser follows: started by one request that answers at once, run through
 * `resolveAlerts` (paced, never retried), read back by the person who started it, with live hints
 * on progress. Kept in memory for an hour (a run is a view of results the events also record).
 */
export function createResolveBatches(deps: {
  clock: Clock;
  live: LiveBus;
  logger: Logger;
  resolveAlerts: (
    actor: Actor,
    input: {
      alertUids: readonly string[];
      onProgress?: (results: readonly ResolveResult[]) => void;
    },
  ) => Promise<Outcome<{ results: ResolveResult[]; stopMessage: string | null }>>;
  checkUids: (uids: readonly string[]) => Outcome<never> | null;
}) {
  const { clock, live, logger, resolveAlerts, checkUids } = deps;
  const runs = new Map<string, Run>();

  function prune() {
    const now = clock.now();
    for (const [id, run] of runs) {
      if (run.finishedAt !== null && now - run.finishedAt > RUN_KEEP_MS) runs.delete(id);
    }
    while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
  }

  const view = ({ ownerId, ...batch }: Run): ResolveBatch => {
    void ownerId;
    return { ...batch, results: [...batch.results] };
  };

  return {
    /** Starts a bulk run and answers at once; progress is read with `batch(id)` and live hints. */
    startBatch(
      actor: Actor,
      input: { alertUids: readonly string[] },
    ): Outcome<{ batch: ResolveBatch }> {
      const denied = authorize(actor, "alerts:resolve");
      if (denied) return denied;
      const bad = checkUids(input.alertUids);
      if (bad) return bad;
      prune();
      const uids = [...new Set(input.alertUids)];
      const run: Run = {
        id: randomUUID(),
        state: "running",
        total: uids.length,
        done: 0,
        results: [],
        stopMessage: null,
        startedAt: clock.now(),
        finishedAt: null,
        ownerId: actorId(actor),
      };
      runs.set(run.id, run);
      const hint = () =>
        live.publish({ topic: "alerts", kind: "resolve-progress", id: run.id, at: clock.now() });
      void resolveAlerts(actor, {
        alertUids: uids,
        onProgress: (results) => {
          run.results = [...results];
          run.done = results.length;
          hint();
        },
      })
        .then((outcome) => {
          if (outcome.ok) {
            run.results = outcome.results;
            run.done = outcome.results.length;
            run.stopMessage = outcome.stopMessage;
            run.state = outcome.stopMessage ? "stopped" : "done";
          } else {
            run.state = "stopped";
            run.stopMessage = outcome.message;
          }
        })
        .catch((error: unknown) => {
          logger.error("bulk resolve failed", {
            error: error instanceof Error ? error.message : "unknown",
          });
          run.state = "stopped";
          run.stopMessage =
            "The run failed; the error was logged. Alerts not listed were not sent.";
        })
        .finally(() => {
          run.finishedAt = clock.now();
          hint();
        });
      return { ok: true, batch: view(run) };
    },
    /** A run as its starter sees it; anyone else's answers like a missing one. */
    batch(actor: Actor, id: string): Outcome<{ batch: ResolveBatch }> {
      const denied = authorize(actor, "alerts:resolve");
      if (denied) return denied;
      const run = runs.get(id);
      if (!run || run.ownerId !== actorId(actor)) {
        return refusal(
          "not-found",
          "not_found",
          "No such resolve run (runs are kept for an hour).",
        );
      }
      return { ok: true, batch: view(run) };
    },
  };
}
