import { createAlertClaims, type AlertClaims } from "./alerts/claim-alert";
import { createAlertQueue, type AlertQueue } from "./alerts/alert-queue";
import { createAlertResolver, type AlertResolver } from "./alerts/resolve-alert";
import { createLiveBus, type LiveBus } from "./live/live-bus";
import { createAgentReads } from "./agents/agent-reads";
import { createAgentTokenAdmin, type AgentTokenAdmin } from "./agents/agent-token-admin";
import { createAgentTokenResolver } from "./agents/agent-token-resolver";
import { createAgentTools, type AgentTools } from "./agents/agent-tools";
import { checkVariables, componentLookupFromCatalog } from "./agents/component-lookup";
import { createDattoAlertSource } from "./agents/datto-alert-source";
import { createQueueAlertSource } from "./agents/queue-alert-source";
import { createProposalWorker, type ProposalWorker } from "./approvals/proposal-worker";
import { createProposals, type Proposals } from "./approvals/proposals";
import {
  quickJobsThroughLauncher,
  resolveThroughQueue,
} from "./approvals/use-case-proposal-actions";
import { postToWebhook } from "./approvals/proposal-webhook";
import { alreadyDone, checkProposal } from "./approvals/recheck-proposal";
import type { TokenResolver } from "./middleware/resolve-actor";
import { createTokenResolvers } from "./middleware/token-resolvers";
import { AGENT_TOKEN_PREFIX } from "./contract/agents";
import { createAgentSettings, type AgentSettingsService } from "./settings/agent-settings";
import { pausableGateway } from "./settings/pausable-gateway";
import { seedDemoUsers } from "./auth/seed-demo-users";
import { createDattoApi, type DattoApi } from "./datto/api/create-datto-api";
import { createDattoGateway } from "./datto/gateway/create-gateway";
import type { DattoGateway } from "./datto/gateway/types";
import { createSimulator, type Simulator } from "./datto/simulator/create-simulator";
import type { AppConfig } from "./env";
import { createComponentCatalog } from "./components/component-catalog";
import { createComponents, type Components } from "./components/components";
import { createFleetIndex, type FleetIndex } from "./fleet/fleet-index";
import { createJobDispatcher, type JobDispatcher } from "./jobs/dispatcher";
import { createJobTracker, type JobTracker } from "./jobs/job-tracker";
import { createJobs, type Jobs } from "./jobs/jobs";
import { createFleetRefresh, type FleetRefresh } from "./fleet/refresh";
import { createSoftwareSearch, type SoftwareSearch } from "./fleet/software-search";
import { systemClock, type Clock } from "./lib/clock";
import { createLogger, type Logger } from "./lib/logger";
import { acquireInstanceLock, type InstanceLock } from "./store/instance-lock";
import type { Store } from "./store/port/store";
import { openSqliteStore } from "./store/sqlite/open-sqlite-store";
import { createUserAdmin, type UserAdmin } from "./users/user-admin";
import { createSavedViews, type SavedViews } from "./views/saved-views";
import { createUdfNames, type UdfNames } from "./views/udf-names";

/** Everything the HTTP app needs, built once per process (or per test). */
export interface Services {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  store: Store;
  gateway: DattoGateway;
  datto: DattoApi;
  fleet: FleetIndex;
  software: SoftwareSearch;
  /**
   * The open-alert queue: one background poller (start/stop/tick), `current()` the open alerts
   * with their claims, `recentlyResolved()` the last day's resolved ones.
   */
  alerts: AlertQueue;
  /** The use-cases: every adapter (routes, the CLI, later MCP tools) calls these. */
  refresh: FleetRefresh;
  users: UserAdmin;
  savedViews: SavedViews;
  udfNames: UdfNames;
  /** Resolving alerts: one, many (`resolveAlerts`), and bulk runs the browser follows. */
  alertResolver: AlertResolver;
  resolveAlerts: AlertResolver["resolveAlerts"];
  /** "On it": claim and release, stored by RMM Deck. */
  claimAlert: AlertClaims["claimAlert"];
  releaseAlert: AlertClaims["releaseAlert"];
  /** Hints that something changed, heard by every open tab (GET /api/live). */
  live: LiveBus;
  /** Agents under policy (issue 11): tokens, policies and the kill switch, proposals, tools. */
  agentTokens: AgentTokenAdmin;
  agentSettings: AgentSettingsService;
  proposals: Proposals;
  proposalWorker: ProposalWorker;
  agentTools: AgentTools;
  /** Bearer token -> agent (and, once the wall lands, wall) by the token's prefix. */
  tokenResolver: TokenResolver;
  /** The component catalog (find, get; start/stop/tick refreshes it) and its use-cases. */
  components: Components;
  /** Job use-cases: preview, launchJob, get, list, output, recentFailures. */
  jobs: Jobs;
  /** The one job tracker (start/stop/tick), resumed from the store at start. */
  jobTracker: JobTracker;
  jobDispatcher: JobDispatcher;
  /** The in-process simulated tenant in demo mode (and tests), null against a live tenant. */
  simulator: Simulator | null;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Use this simulator as the vendor instead of building one (tests). */
  simulator?: Simulator;
  /** The fetch used to reach a live tenant (default: global fetch). */
  upstreamFetch?: typeof fetch;
  /** Wraps the Datto API every part uses (tests: hold one call back, fail another). */
  wrapDatto?: (datto: DattoApi) => DattoApi;
  /**
   * Called when another process has taken the data folder from this one (see instance-lock.ts);
   * background work has stopped by then. main.ts exits; the default only logs.
   */
  onInstanceLost?: (error: Error) => void;
}

/**
 * The composition root. Demo mode (no Datto credentials) puts an in-process simulated tenant
 * behind the very same gateway a live tenant gets, so demo, tests and production share one path.
 */
export async function createServices(
  config: AppConfig,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const secrets = config.datto ? [config.datto.apiKey, config.datto.apiSecret] : [];
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, secrets });

  const simulator =
    config.mode === "demo"
      ? (overrides.simulator ??
        createSimulator({
          seed: config.demo.seed,
          devices: config.demo.devices,
          ...(config.demo.openAlerts === undefined ? {} : { openAlerts: config.demo.openAlerts }),
          clock,
          enableControl: false,
        }))
      : null;
  const upstream = simulator
    ? {
        baseUrl: simulator.apiBaseUrl,
        apiKey: simulator.credentials.apiKey,
        apiSecret: simulator.credentials.apiSecret,
        fetch: yieldingFetch(simulator.fetch) as typeof fetch,
      }
    : { ...config.datto!, fetch: overrides.upstreamFetch ?? fetch };

  const store = await openSqliteStore({ dataDir: config.dataDir, clock });
  // Before any background work: a second console on this data folder must not walk Datto with a
  // second budget. What stops the work is known once it exists (below).
  let stopWork = async () => {};
  let lock: InstanceLock;
  try {
    lock = await acquireInstanceLock({
      store,
      clock,
      onLost: (error) => {
        logger.error(error.message);
        void stopWork().finally(() => overrides.onInstanceLost?.(error));
      },
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const close = async () => {
    await stopWork();
    await lock.release();
    await store.close();
  };

  try {
    if (config.mode === "demo") await seedDemoUsers(store);
    else if ((await store.users.countActiveAdmins()) === 0) {
      logger.warn(
        "No admin account yet: create one with `npm run user -- add <name> --role admin`.",
      );
    }
    const live = createLiveBus();
    const agentSettings = createAgentSettings({ store, clock, live });
    // The kill switch sits where every write to Datto passes (server/settings/pausable-gateway.ts).
    const gateway = pausableGateway(
      createDattoGateway({
        ...upstream,
        clock,
        logger,
        readsPerMinute: config.budget.readsPerMinute,
        writesPerOperationPerMinute: config.budget.writesPerOperationPerMinute,
      }),
      agentSettings.writesPaused,
    );
    const realDatto = createDattoApi(gateway);
    const datto = overrides.wrapDatto ? overrides.wrapDatto(realDatto) : realDatto;
    const fleet = createFleetIndex({ datto, clock, logger, snapshots: store.fleetSnapshots });
    const software = createSoftwareSearch({
      datto,
      fleet,
      clock,
      logger,
      stored: store.softwareCatalog,
    });
    const alerts = createAlertQueue({
      datto,
      clock,
      logger,
      store,
      live,
      onCounts: (counts) => fleet.applyAlertCounts(counts),
    });
    const alertResolver = createAlertResolver({ datto, queue: alerts, store, clock, logger, live });
    const alertClaims = createAlertClaims({ store, queue: alerts, clock, live });
    const components = createComponents({
      catalog: createComponentCatalog({ datto, clock, logger }),
      store,
    });
    const jobTracker = createJobTracker({
      store,
      datto,
      clock,
      logger,
      live,
      readsPerMinute: config.budget.readsPerMinute,
      share: config.budget.jobTrackerReadShare,
    });
    const jobDispatcher = createJobDispatcher({
      store,
      datto,
      clock,
      logger,
      live,
      tracker: jobTracker,
    });
    const jobs = createJobs({
      store,
      fleet,
      components,
      clock,
      dispatcher: jobDispatcher,
      tracker: jobTracker,
      writesPerMinute: config.budget.writesPerOperationPerMinute,
    });
    const componentLookup = componentLookupFromCatalog(components);
    const alertSource = createQueueAlertSource(alerts, createDattoAlertSource(datto));
    const agentReads = createAgentReads({ fleet, datto, alerts: alertSource });
    const proposals = createProposals({
      store,
      clock,
      logger,
      live,
      settings: agentSettings,
      actions: {
        ...quickJobsThroughLauncher(jobs),
        resolveAlert: resolveThroughQueue(alertResolver.resolveAlerts),
      },
      notify: postToWebhook,
      recheck: (proposal, token) =>
        checkProposal(proposal, token, {
          clock,
          settings: agentSettings,
          device: (uid) => agentReads.device(uid),
          component: (uid) => componentLookup.byUid(uid),
          alert: (uid) => alertSource.get(uid),
          checkVariables,
        }),
      alreadyDone: (proposal) => alreadyDone(proposal, { alert: (uid) => alertSource.get(uid) }),
    });
    const proposalWorker = createProposalWorker({ proposals, logger });
    stopWork = async () => {
      await proposalWorker.stop();
      await alerts.stop();
      await alertResolver.settled();
      await jobDispatcher.stop();
      await jobTracker.stop();
      await components.stop();
      await software.stop();
      await fleet.stop();
    };
    await software.loadStored();
    await jobDispatcher.recover();
    await jobTracker.resume();
    await proposalWorker.start();

    return {
      config,
      clock,
      logger,
      store,
      gateway,
      datto,
      fleet,
      software,
      refresh: createFleetRefresh({ fleet }),
      users: createUserAdmin({ store }),
      savedViews: createSavedViews({ store }),
      udfNames: createUdfNames({ store }),
      alerts,
      alertResolver,
      resolveAlerts: alertResolver.resolveAlerts,
      claimAlert: alertClaims.claimAlert,
      releaseAlert: alertClaims.releaseAlert,
      live,
      components,
      jobs,
      jobTracker,
      jobDispatcher,
      agentTokens: createAgentTokenAdmin({ store, clock }),
      agentSettings,
      proposals,
      proposalWorker,
      agentTools: createAgentTools({
        store,
        clock,
        settings: agentSettings,
        reads: agentReads,
        alerts: alertSource,
        components: componentLookup,
        proposals,
      }),
      tokenResolver: createTokenResolvers({
        [AGENT_TOKEN_PREFIX]: createAgentTokenResolver({ store, clock }),
      }),
      simulator,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The in-process simulator answers without ever waiting on I/O, so a full walk of a big demo
 * tenant would run start to finish without letting the server answer anyone (seen: /api/health
 * taking 10 s during a 50,000-device walk). Yield to the event loop before each call, as a network
 * round trip would.
 */
function yieldingFetch(inner: Simulator["fetch"]): Simulator["fetch"] {
  return async (input, init) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return inner(input, init);
  };
}
