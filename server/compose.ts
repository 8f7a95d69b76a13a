import { createAlertClaims } from "./alerts/claim-alert";
import { createAlertQueue } from "./alerts/alert-queue";
import { createAlertResolver } from "./alerts/resolve-alert";
import { createAlertLastLook } from "./alerts/last-look";
import { createLiveBus } from "./live/live-bus";
import { shareRefreshes, shareSoftwareLists } from "./coord/shared-fleet";
import { shareWatches } from "./coord/shared-watch";
import { createAgentTokenAdmin } from "./agents/agent-token-admin";
import { createAgentTokenResolver } from "./agents/agent-token-resolver";
import { AGENT_TOKEN_PREFIX } from "./contract/agents";
import { WALL_TOKEN_PREFIX } from "./contract/wall";
import { createAgentSettings } from "./settings/agent-settings";
import { pausableGateway } from "./settings/pausable-gateway";
import { seedDemoUsers } from "./auth/seed-demo-users";
import { createDattoApi } from "./datto/api/create-datto-api";
import { createDattoGateway } from "./datto/gateway/create-gateway";
import type { AppConfig } from "./env";
import { createComponentCatalog } from "./components/component-catalog";
import { createComponents } from "./components/components";
import { createFleetIndex } from "./fleet/fleet-index";
import { createFleetRefresh } from "./fleet/refresh";
import { createSoftwareSearch } from "./fleet/software-search";
import { createJobDispatcher } from "./jobs/dispatcher";
import { createJobTracker } from "./jobs/job-tracker";
import { createJobs } from "./jobs/jobs";
import { systemClock } from "./lib/clock";
import { createLogger } from "./lib/logger";
import { createTokenResolvers } from "./middleware/token-resolvers";
import { createUserAdmin } from "./users/user-admin";
import { createSavedViews } from "./views/saved-views";
import { createUdfNames } from "./views/udf-names";
import { composeAgents } from "./compose-agents";
import { composeBackground } from "./compose-background";
import { openFoundation } from "./compose-foundation";
import { chooseUpstream, secretsOf } from "./compose-upstream";
import { composeWall } from "./compose-wall";
import type { ServiceOverrides, Services } from "./compose-services";

export type { ServiceOverrides, Services } from "./compose-services";

/**
 * The composition root: every part built once, in dependency order, from the config. The
 * foundation (store, claim, Redis), the upstream (live tenant or demo simulator), agents, the
 * wall and the background work are each composed in their own compose-*.ts file.
 */
export async function createServices(
  config: AppConfig,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const logger =
    overrides.logger ?? createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const { simulator, ...upstream } = chooseUpstream(config, clock, overrides);
  const foundation = await openFoundation({
    config,
    clock,
    logger,
    ...(overrides.onInstanceLost ? { onInstanceLost: overrides.onInstanceLost } : {}),
  });
  const { store, coordination, executorId } = foundation;

  try {
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
    const { proposals, proposalWorker, agentTools } = composeAgents({
      store,
      executorId,
      clock,
      logger,
      live,
      settings: agentSettings,
      datto,
      fleet,
      alerts,
      alertResolver,
      components,
      jobs,
    });
    const wall = composeWall({
      store,
      clock,
      logger,
      alerts,
      jobs,
      fleet,
      gateway,
      refreshSeconds: config.wall.refreshSeconds,
    });
    const background = composeBackground({
      store,
      clock,
      logger,
      coordination,
      executorId,
      fleet,
      software,
      alerts,
      alertResolver,
      components,
      jobDispatcher,
      jobTracker,
      proposals,
      proposalWorker,
      wallSampler: wall.wallSampler,
    });
    foundation.setStopWork(background.stop);
    await background.prepare();

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
      ...wall,
      agentTokens: createAgentTokenAdmin({ store, clock }),
      agentSettings,
      proposals,
      proposalWorker,
      agentTools,
      tokenResolver: createTokenResolvers({
        [WALL_TOKEN_PREFIX]: (token) => wall.wallTokens.resolve(token),
        [AGENT_TOKEN_PREFIX]: createAgentTokenResolver({ store, clock }),
      }),
      simulator,
      startWork: background.work.start,
      ...(coordination
        ? { allowance: coordination.allowance, instanceRole: background.work.role }
        : {}),
      close: foundation.close,
    };
  } catch (error) {
    await foundation.close();
    throw error;
  }
}
