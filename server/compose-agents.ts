import { createAgentReads } from "./agents/agent-reads";
import { createAgentTools, type AgentTools } from "./agents/agent-tools";
import { checkVariables, componentLookupFromCatalog } from "./agents/component-lookup";
import { createDattoAlertSource } from "./agents/datto-alert-source";
import { createQueueAlertSource } from "./agents/queue-alert-source";
import type { AlertQueue } from "./alerts/alert-queue";
import type { AlertResolver } from "./alerts/resolve-alert";
import { createProposalWorker, type ProposalWorker } from "./approvals/proposal-worker";
import { postToWebhook } from "./approvals/proposal-webhook";
import { createProposals, type Proposals } from "./approvals/proposals";
import { alreadyDone, checkProposal } from "./approvals/recheck-proposal";
import {
  quickJobsThroughLauncher,
  resolveThroughQueue,
} from "./approvals/use-case-proposal-actions";
import type { Components } from "./components/components";
import type { DattoApi } from "./datto/api/create-datto-api";
import type { FleetIndex } from "./fleet/fleet-index";
import type { Jobs } from "./jobs/jobs";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { LiveBus } from "./live/live-bus";
import type { AgentSettingsService } from "./settings/agent-settings";
import type { Store } from "./store/port/store";

/**
 * Agents under policy (issue 11): what they read (the fleet, the queue's alerts, the component
 * catalog), the tools they call, and their writes as proposals that run, once approved, through
 * the very use-cases a person's clicks use (the job launcher, the alert resolver).
 */
export function composeAgents(deps: {
  store: Store;
  executorId: string;
  clock: Clock;
  logger: Logger;
  live: LiveBus;
  settings: AgentSettingsService;
  datto: DattoApi;
  fleet: FleetIndex;
  alerts: AlertQueue;
  alertResolver: AlertResolver;
  components: Components;
  jobs: Jobs;
}): { proposals: Proposals; proposalWorker: ProposalWorker; agentTools: AgentTools } {
  const { store, clock, settings } = deps;
  const componentLookup = componentLookupFromCatalog(deps.components);
  const alertSource = createQueueAlertSource(deps.alerts, createDattoAlertSource(deps.datto));
  const agentReads = createAgentReads({
    fleet: deps.fleet,
    datto: deps.datto,
    alerts: alertSource,
  });
  const proposals = createProposals({
    store,
    executorId: deps.executorId,
    clock,
    logger: deps.logger,
    live: deps.live,
    settings,
    actions: {
      ...quickJobsThroughLauncher(deps.jobs),
      resolveAlert: resolveThroughQueue(deps.alertResolver.resolveAlerts),
    },
    notify: postToWebhook,
    recheck: (proposal, token) =>
      checkProposal(proposal, token, {
        clock,
        settings,
        device: (uid) => agentReads.device(uid),
        component: (uid) => componentLookup.byUid(uid),
        alert: (uid) => alertSource.get(uid),
        checkVariables,
      }),
    alreadyDone: (proposal) => alreadyDone(proposal, { alert: (uid) => alertSource.get(uid) }),
  });
  return {
    proposals,
    proposalWorker: createProposalWorker({ proposals, logger: deps.logger }),
    agentTools: createAgentTools({
      store,
      clock,
      settings,
      reads: agentReads,
      alerts: alertSource,
      components: componentLookup,
      proposals,
    }),
  };
}
