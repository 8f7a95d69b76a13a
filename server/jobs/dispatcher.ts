import { OUTCOME_UNKNOWN_NOTE } from "../contract/jobs";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { LiveBus } from "../live/live-bus";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { Settleable } from "../coord/execution-recovery";
import type { Store } from "../store/port/store";
import type { JobTracker } from "./job-tracker";

/** Live hints about one run's dispatch, at most this often. */
const HINT_EVERY_MS = 500;

export interface JobDispatcher {
  /** Sends the run's queued targets, one PUT each, in order; resolves when all are handled. */
  dispatch(runId: string): Promise<void>;
  /** How many targets of a run being dispatched have been handled (null when none runs). */
  progress(runId: string): { sent: number; total: number } | null;
  /**
   * After a restart, or another instance's death: a target caught mid-PUT has an unknown outcome,
   * and one never sent is marked not sent (nothing is resent by itself). Only runs `settleable`
   * names (their executor is gone: decision 0030); resolves to how many targets it settled.
   */
  recover(settleable: Settleable): Promise<number>;
  /** Stops sending; targets not sent yet are marked not sent. */
  stop(): Promise<void>;
  /** Resolves when no run is being dispatched (tests, the bench). */
  idle(): Promise<void>;
  /** Whether a run is being dispatched now. */
  busy(): boolean;
}

/**
 * One PUT per device, one at a time, each waiting for a slot in the gateway's
 * `device-job-create` write budget (set below Datto's quota, so no 429). A PUT is never retried:
 * when its answer is lost the target is "outcome unknown: check before re-running".
 */
export function createJobDispatcher(deps: {
  store: Store;
  datto: DattoApi;
  clock: Clock;
  logger: Logger;
  live: LiveBus;
  tracker: JobTracker;
  /** This instance as an executor: recorded on the runs it dispatches (decision 0030). */
  executorId: string;
}): JobDispatcher {
  const { store, datto, clock, logger, live, tracker, executorId } = deps;
  const running = new Map<string, { promise: Promise<void>; sent: number; total: number }>();
  let controller = new AbortController();

  async function send(runId: string, state: { sent: number; total: number }) {
    // One dispatcher per run, whichever instance asks: the others leave it to the claimant.
    if (!(await store.executors.claim("job-run", runId, executorId))) {
      logger.info("job run dispatched by another instance", { run: runId });
      return;
    }
    const found = await store.jobRuns.get(runId);
    if (!found) return;
    const { run, targets } = found;
    const queued = targets.filter((t) => t.status === "queued");
    state.total = queued.length;
    let lastHint = 0;
    const hint = (force = false) => {
      if (!force && clock.now() - lastHint < HINT_EVERY_MS) return;
      lastHint = clock.now();
      live.publish({ topic: "jobs", kind: "progress", id: runId, at: clock.now() });
    };
    for (const target of queued) {
      const { deviceUid } = target;
      if (controller.signal.aborted) {
        await store.jobRuns.updateTarget(runId, deviceUid, {
          status: "not-sent",
          detail: "RMM Deck stopped before sending this one: nothing was sent.",
          finishedAt: clock.now(),
        });
        state.sent += 1;
        continue;
      }
      await store.jobRuns.updateTarget(runId, deviceUid, { status: "sending" });
      try {
        const answer = await datto.createQuickJob(
          deviceUid,
          {
            jobName: run.jobName,
            jobComponent: { componentUid: run.componentUid, variables: run.variables },
          },
          { signal: controller.signal },
        );
        await store.jobRuns.updateTarget(runId, deviceUid, {
          status: "Pending",
          dattoJobUid: answer.job.uid,
          sentAt: clock.now(),
        });
        tracker.add(runId, deviceUid, answer.job.uid);
      } catch (error) {
        const datto = error instanceof DattoError ? error : null;
        const refused = datto !== null && !datto.outcomeUnknown;
        const why = datto ? datto.message : "the request failed";
        if (!refused) logger.warn("quick job outcome unknown", { run: runId, error: why });
        await store.jobRuns.updateTarget(runId, deviceUid, {
          status: refused ? "not-sent" : "outcome-unknown",
          detail: refused
            ? `Not run: ${datto.upstreamMessage ? `${why} (${datto.upstreamMessage})` : why}`
            : `${OUTCOME_UNKNOWN_NOTE} (${why}). It was not resent.`,
          sentAt: refused ? null : clock.now(),
          finishedAt: clock.now(),
        });
      }
      state.sent += 1;
      hint();
    }
    hint(true);
  }

  return {
    dispatch(runId) {
      const existing = running.get(runId);
      if (existing) return existing.promise;
      const state = { sent: 0, total: 0, promise: Promise.resolve() };
      state.promise = send(runId, state)
        .catch((error: unknown) => {
          logger.error("job dispatch failed", { run: runId, error: String(error) });
        })
        .finally(() => running.delete(runId));
      running.set(runId, state);
      return state.promise;
    },
    progress(runId) {
      const state = running.get(runId);
      return state ? { sent: state.sent, total: state.total } : null;
    },
    async recover(settleable) {
      const stuck = (await store.jobRuns.targetsIn(["sending", "queued"])).filter(
        (t) => !running.has(t.runId),
      );
      const runIds = [...new Set(stuck.map((t) => t.runId))];
      const subjects = [];
      for (const id of runIds) {
        const found = await store.jobRuns.get(id);
        if (found) subjects.push({ id, since: found.run.createdAt });
      }
      const settle = await settleable("job-run", subjects);
      let settled = 0;
      for (const t of stuck) {
        if (!settle.has(t.runId)) continue;
        const wasSending = t.status === "sending";
        await store.jobRuns.updateTarget(t.runId, t.deviceUid, {
          status: wasSending ? "outcome-unknown" : "not-sent",
          detail: wasSending
            ? `${OUTCOME_UNKNOWN_NOTE} (RMM Deck stopped while sending it). It was not resent.`
            : "RMM Deck stopped before sending this one: nothing was sent.",
          finishedAt: clock.now(),
        });
        settled += 1;
      }
      if (settled > 0) logger.warn("job dispatch recovered after a stop", { targets: settled });
      return settled;
    },
    async stop() {
      controller.abort(new Error("Job dispatch stopped."));
      await Promise.all([...running.values()].map((r) => r.promise));
      controller = new AbortController();
    },
    busy: () => running.size > 0,
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.promise));
    },
  };
}
