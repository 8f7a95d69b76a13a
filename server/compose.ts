import { randomUUID } from "node:crypto";
import { runBackground } from "./coord/background";
import { createExecutionRecovery, settleableRows } from "./coord/execution-recovery";
import { holdExecutorLease } from "./coord/executor-lease";
import { shareRefreshes, shareSoftwareLists } from "./coord/shared-fleet";
import { shareWatches } from "./coord/shared-watch";
import { claimDatabaseForCluster } from "./coord/cluster-claim";
import { connectCoordination } from "./coord/coordination";
import { createAlertClaims, type AlertClaims } from "./alerts/claim-alert";
import { createAlertQueue, type AlertQueue } from "./alerts/alert-queue";
import { createAlertResolver, type AlertResolver } from "./alerts/resolve-alert";
import { createAlertLastLook, type AlertLastLook } from "./alerts/last-look";
import { createLiveBus, type LiveBus } from "./live/live-bus";
import type { UpstreamAllowance } from "./middleware/upstream-allowance";
import { createAgentReads } from "./agents/agent-reads";
import { createAgentTokenAdmin, type AgentTokenAdmin } from "./agents/agent-token-admin";
import { createAgentTokenResolver } from "./agents/agent-token-resolver";
import { createAgentTools, type AgentTools } from "./agents/agent-tools";
import { checkVariables, componentLookupFromCatalog } from "./agents/component-lookup";
import { createDattoAlertSource } from "./agents/datto-alert-source";
import { createQueueAlertSource as agentAlertSource } from "./agents/queue-alert-source";
import { createProposalWorker, type ProposalWorker } from "./approvals/proposal-worker";
import { createProposals, type Proposals } from "./approvals/proposals";
import {
  quickJobsThroughLauncher,
  resolveThroughQueue,
} from "./approvals/use-case-proposal-actions";
import { postToWebhook } from "./approvals/proposal-webhook";
import { alreadyDone, checkProposal } from "./approvals/recheck-proposal";
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
import { acquireInstanceLock } from "./store/instance-lock";
import type { Store } from "./store/port/store";
import { openPostgresStore } from "./store/postgres/open-postgres-store";
import { openSqliteStore } from "./store/sqlite/open-sqlite-store";
import { createUserAdmin, type UserAdmin } from "./users/user-admin";
import { createSavedViews, type SavedViews } from "./views/saved-views";
import { createUdfNames, type UdfNames } from "./views/udf-names";
import { WALL_TOKEN_PREFIX } from "./contract/wall";
import type { TokenResolver } from "./middleware/resolve-actor";
import { createTokenResolvers } from "./middleware/token-resolvers";
import { createAlertSampler, type AlertSampler } from "./wall/alert-sampler";
import { createWallSummary, type WallSummaryCache } from "./wall/wall-summary";
import { createWallTokens, type WallTokens } from "./wall/wall-tokens";
import {
  createApprovalSource,
  createJobFailureSource,
  createQueueAlertSource,
} from "./wall/wall-sources";

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
  /** Each person's last look at the queue ("new since you last looked"). */
  alertLastLook: AlertLastLook;
  /** The NOC wall (issue 12): its tokens, the one shared summary and the trend sampler. */
  wallTokens: WallTokens;
  wallSummary: WallSummaryCache;
  wallSampler: AlertSampler;
  /** Bearer token -> agent or wall, by the token's prefix. */
  tokenResolver: TokenResolver;
  /** Hints that something changed, heard by every open tab (GET /api/live). */
  live: LiveBus;
  /** Agents under policy (issue 11): tokens, policies and the kill switch, proposals, tools. */
  agentTokens: AgentTokenAdmin;
  agentSettings: AgentSettingsService;
  proposals: Proposals;
  proposalWorker: ProposalWorker;
  agentTools: AgentTools;
  /** The component catalog (find, get; start/stop/tick refreshes it) and its use-cases. */
  components: Components;
  /** Job use-cases: preview, launchJob, get, list, output, recentFailures. */
  jobs: Jobs;
  /** The one job tracker (start/stop/tick): background work, on the leader of several instances. */
  jobTracker: JobTracker;
  jobDispatcher: JobDispatcher;
  /** The in-process simulated tenant in demo mode (and tests), null against a live tenant. */
  simulator: Simulator | null;
  /** Starts the background work: here, or on whichever instance leads (REDIS_URL). */
  startWork(): void;
  /** Several instances: the per-person allowance counted across them (default: in memory). */
  allowance?: UpstreamAllowance;
  /** Several instances: whether this one leads the background work. */
  instanceRole?: () => "leader" | "follower";
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
  secrets.push(...urlPasswords(config.databaseUrl, config.redisUrl));
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

  // Several instances (REDIS_URL): connected first, so a Redis that cannot be reached stops the
  // start before anything else happens.
  const coordination = config.redisUrl
    ? await connectCoordination({
        url: config.redisUrl,
        keyPrefix: config.redisKeyPrefix,
        logger,
        limits: {
          reads: config.budget.readsPerMinute,
          writesPerOperation: config.budget.writesPerOperationPerMinute,
          perPersonPerMinute: config.budget.perPersonPerMinute,
        },
      })
    : null;
  let store: Store;
  try {
    store = config.databaseUrl
      ? await openPostgresStore({ connectionString: config.databaseUrl, clock })
      : await openSqliteStore({ dataDir: config.dataDir, clock });
  } catch (error) {
    await coordination?.close();
    throw error;
  }
  // Before any background work: a second console on this data folder must not walk Datto with a
  // second budget. What stops the work is known once it exists (below).
  let stopWork = async () => {};
  let lock: { release(): Promise<void> };
  const onLost = (error: Error) => {
    logger.error(error.message);
    void stopWork().finally(() => overrides.onInstanceLost?.(error));
  };
  try {
    lock = coordination
      ? await claimDatabaseForCluster({ store, clock, keyPrefix: config.redisKeyPrefix, onLost })
      : await acquireInstanceLock({
          store,
          clock,
          place: config.databaseUrl ? "database" : "data folder",
          onLost,
        });
  } catch (error) {
    await store.close();
    await coordination?.close();
    throw error;
  }
  // This instance as an executor of job runs and proposals (decision 0030): recovery elsewhere
  // leaves its rows alone while this lease lives.
  const executorId = coordination?.instanceId ?? randomUUID();
  let executorLease: { release(): Promise<void> } | null = null;
  const close = async () => {
    await stopWork();
    await executorLease?.release();
    await lock.release();
    await coordination?.close();
    await store.close();
  };

  try {
    executorLease = await holdExecutorLease({ store, clock, logger, id: executorId });
    if (config.mode === "demo") await seedDemoUsers(store);
    else if ((await store.users.countActiveAdmins()) === 0) {
      logger.warn(
        "No admin account yet: create one with `npm run user -- add <name> --role admin`.",
      );
    }
    const live = coordination?.live ?? createLiveBus();
    const agentSettings = createAgentSettings({ store, clock, live });
    // The kill switch sits where every write to Datto passes (server/settings/pausable-gateway.ts).
    const gateway = pausableGateway(
      createDattoGateway({
        ...upstream,
        clock,
        logger,
        readsPerMinute: config.budget.readsPerMinute,
        writesPerOperationPerMinute: config.budget.writesPerOperationPerMinute,
        ...(coordination
          ? {
              shared: {
                budget: coordination.budget,
                token: coordination.token,
                cache: coordination.cache,
              },
            }
          : {}),
      }),
      agentSettings.writesPaused,
    );
    const realDatto = createDattoApi(gateway);
    const datto = overrides.wrapDatto ? overrides.wrapDatto(realDatto) : realDatto;
    const fleet = createFleetIndex({
      datto,
      clock,
      logger,
      snapshots: store.fleetSnapshots,
      // Several instances: the followers load the stored walk, then their tabs refetch their
      // device and site lists (server/coord/background.ts). Alone, nothing changes.
      ...(coordination
        ? {
            onSynced: () =>
              live.publish({ topic: "fleet", kind: "synced", id: null, at: clock.now() }),
          }
        : {}),
    });
    // Several instances: each one's software crawl results and device/site refreshes reach the
    // others (server/coord/shared-fleet.ts, decision 0030).
    const softwareLists = coordination ? shareSoftwareLists(coordination.channels, logger) : null;
    const software = createSoftwareSearch({
      datto,
      fleet,
      clock,
      logger,
      stored: store.softwareCatalog,
      ...(softwareLists ? { onStored: softwareLists.stored } : {}),
    });
    softwareLists?.follow(() => software.loadStored());
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
      executorId,
    });
    const jobs = createJobs({
      store,
      fleet,
      components,
      clock,
      dispatcher: jobDispatcher,
      tracker: shareWatches(jobTracker, coordination?.channels ?? null, clock),
      writesPerMinute: config.budget.writesPerOperationPerMinute,
    });
    const componentLookup = componentLookupFromCatalog(components);
    const alertSource = agentAlertSource(alerts, createDattoAlertSource(datto));
    const agentReads = createAgentReads({ fleet, datto, alerts: alertSource });
    const proposals = createProposals({
      store,
      executorId,
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
    // The wall reads the alert queue's open alerts (with claims): no Datto read of its own.
    const wallAlerts = createQueueAlertSource(alerts);
    const wallSampler = createAlertSampler({
      source: wallAlerts,
      samples: store.wallSamples,
      clock,
      logger,
    });
    const wallSummary = createWallSummary({
      alerts: wallAlerts,
      jobs: createJobFailureSource(jobs),
      approvals: createApprovalSource(store.proposals),
      sampler: wallSampler,
      fleet,
      gateway,
      clock,
      logger,
      refreshSeconds: config.wall.refreshSeconds,
    });
    const wallTokens = createWallTokens({ store, clock });
    // Background work: start/stop objects run by this process alone, or by the leader of
    // several (server/coord/); followers serve what the leader stored (the fleet snapshot, the
    // open alerts), loading it when the leader's hint arrives and every few seconds. The job
    // tracker is background work too: the leader tracks every run in the store, whoever sent it.
    // Recovery of a dead instance's job targets and proposals runs at start on every instance and,
    // with several, every few seconds on the leader (decision 0030).
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
    const background: Array<{ start(): unknown; stop(): Promise<void> }> = [
      fleet,
      alerts,
      wallSampler,
      jobTracker,
      ...(coordination ? [recovery] : []),
    ];
    const work = runBackground({
      background,
      coordination,
      followed: [
        { topic: "fleet", kind: "synced", loadStored: () => fleet.loadStored() },
        { topic: "alerts", kind: "polled", loadStored: () => alerts.loadStored() },
        { topic: "alerts", kind: "polled", loadStored: () => wallSampler.loadStored() },
      ],
      logger,
    });
    stopWork = async () => {
      await work.stop();
      await wallSampler.stop();
      await recovery.stop();
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
    await recovery.runOnce();
    // Alone, the tracker holds what is unfinished from the start (tests tick it without starting
    // it); with several instances the leader's loads it when it starts.
    if (!coordination) await jobTracker.resume();
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
      refresh: createFleetRefresh({
        fleet: shareRefreshes(fleet, coordination?.channels ?? null, logger),
      }),
      users: createUserAdmin({ store }),
      savedViews: createSavedViews({ store }),
      udfNames: createUdfNames({ store }),
      alerts,
      alertResolver,
      resolveAlerts: alertResolver.resolveAlerts,
      claimAlert: alertClaims.claimAlert,
      releaseAlert: alertClaims.releaseAlert,
      alertLastLook: createAlertLastLook({ store, clock }),
      live,
      components,
      jobs,
      jobTracker,
      jobDispatcher,
      wallTokens,
      wallSummary,
      wallSampler,
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
        [WALL_TOKEN_PREFIX]: (token) => wallTokens.resolve(token),
        [AGENT_TOKEN_PREFIX]: createAgentTokenResolver({ store, clock }),
      }),
      simulator,
      startWork: work.start,
      ...(coordination ? { allowance: coordination.allowance, instanceRole: work.role } : {}),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The passwords in DATABASE_URL and REDIS_URL, kept out of every log line. */
function urlPasswords(...urls: Array<string | null>): string[] {
  return urls.flatMap((url) => {
    try {
      const password = url ? decodeURIComponent(new URL(url).password) : "";
      return password ? [password] : [];
    } catch {
      return [];
    }
  });
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
