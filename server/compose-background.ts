import type { AlertQueue } from "./alerts/alert-queue";
import type { AlertResolver } from "./alerts/resolve-alert";
import type { ProposalWorker } from "./approvals/proposal-worker";
import type { Proposals } from "./approvals/proposals";
import type { Components } from "./components/components";
import { runBackground } from "./coord/background";
import type { Coordination } from "./coord/coordination";
import { createExecutionRecovery, settleableRows } from "./coord/execution-recovery";
import type { FleetIndex } from "./fleet/fleet-index";
import type { SoftwareSearch } from "./fleet/software-search";
import type { JobDispatcher } from "./jobs/dispatcher";
import type { JobTracker } from "./jobs/job-tracker";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { Store } from "./store/port/store";
import type { AlertSampler } from "./wall/alert-sampler";

/**
 * Background work: start/stop objects run by this process alone, or by the leader of several
 * (server/coord/); followers serve what the leader stored (the fleet snapshot, the open alerts),
 * loading it when the leader's hint arrives and every few seconds. The job tracker is background
 * work too: the leader tracks every run in the store, whoever sent it. Recovery of a dead
 * instance's job targets and proposals runs at start on every instance and, with several, every
 * few seconds on the leader (decision 0030).
 */
export function composeBackground(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  coordination: Coordination | null;
  executorId: string;
  fleet: FleetIndex;
  software: SoftwareSearch;
  alerts: AlertQueue;
  alertResolver: AlertResolver;
  components: Components;
  jobDispatcher: JobDispatcher;
  jobTracker: JobTracker;
  proposals: Proposals;
  proposalWorker: ProposalWorker;
  wallSampler: AlertSampler;
}) {
  const { store, clock, logger, coordination, executorId } = deps;
  const { fleet, software, alerts, jobDispatcher, jobTracker, proposals, wallSampler } = deps;
  const recovery = createExecutionRecovery({
    settleable: settleableRows({ store, clock, executorId, alone: !coordination }),
    parts: [
      jobDispatcher,
      {
        recover: async (settleable) => {
          const ids = await proposals.recover(settleable);
          if (ids.length > 0)
            logger.warn("proposals left executing by a stopped instance are now outcome unknown", {
              ids,
            });
        },
      },
    ],
    logger,
  });
  const work = runBackground({
    background: [fleet, alerts, wallSampler, jobTracker, ...(coordination ? [recovery] : [])],
    coordination,
    followed: [
      { topic: "fleet", kind: "synced", loadStored: () => fleet.loadStored() },
      { topic: "alerts", kind: "polled", loadStored: () => alerts.loadStored() },
      { topic: "alerts", kind: "polled", loadStored: () => wallSampler.loadStored() },
    ],
    logger,
  });
  /** Stops everything, users of a part before the part. */
  const stop = async () => {
    await work.stop();
    await wallSampler.stop();
    await recovery.stop();
    await deps.proposalWorker.stop();
    await alerts.stop();
    await deps.alertResolver.settled();
    await jobDispatcher.stop();
    await jobTracker.stop();
    await deps.components.stop();
    await software.stop();
    await fleet.stop();
  };
  return {
    work,
    stop,
    /** Before serving: stored software lists, a recovery round, unfinished runs, due proposals. */
    async prepare() {
      await software.loadStored();
      await recovery.runOnce();
      // Alone, the tracker holds what is unfinished from the start (tests tick it without
      // starting it); with several instances the leader's loads it when it starts.
      if (!coordination) await jobTracker.resume();
      await deps.proposalWorker.start();
    },
  };
}
