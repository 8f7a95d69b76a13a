import type { AlertQueue } from "./alerts/alert-queue";
import type { DattoGateway } from "./datto/gateway/types";
import type { FleetIndex } from "./fleet/fleet-index";
import type { Jobs } from "./jobs/jobs";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { Store } from "./store/port/store";
import { createAlertSampler, type AlertSampler } from "./wall/alert-sampler";
import { createWallSummary, type WallSummaryCache } from "./wall/wall-summary";
import { createWallTokens, type WallTokens } from "./wall/wall-tokens";
import {
  createApprovalSource,
  createJobFailureSource,
  createQueueAlertSource,
} from "./wall/wall-sources";

/**
 * The NOC wall (issue 12): its tokens, the trend sampler and the one shared summary. The wall
 * reads the alert queue's open alerts (with claims), the job runs and the proposals: no Datto
 * read of its own.
 */
export function composeWall(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  alerts: AlertQueue;
  jobs: Jobs;
  fleet: FleetIndex;
  gateway: DattoGateway;
  refreshSeconds: number;
}): { wallTokens: WallTokens; wallSummary: WallSummaryCache; wallSampler: AlertSampler } {
  const { store, clock, logger } = deps;
  const wallAlerts = createQueueAlertSource(deps.alerts);
  const wallSampler = createAlertSampler({
    source: wallAlerts,
    samples: store.wallSamples,
    clock,
    logger,
  });
  const wallSummary = createWallSummary({
    alerts: wallAlerts,
    jobs: createJobFailureSource(deps.jobs),
    approvals: createApprovalSource(store.proposals),
    sampler: wallSampler,
    fleet: deps.fleet,
    gateway: deps.gateway,
    clock,
    logger,
    refreshSeconds: deps.refreshSeconds,
  });
  return { wallTokens: createWallTokens({ store, clock }), wallSummary, wallSampler };
}
