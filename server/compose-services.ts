import type { AlertClaims } from "./alerts/claim-alert";
import type { AlertQueue } from "./alerts/alert-queue";
import type { AlertResolver } from "./alerts/resolve-alert";
import type { AlertLastLook } from "./alerts/last-look";
import type { LiveBus } from "./live/live-bus";
import type { UpstreamAllowance } from "./middleware/upstream-allowance";
import type { AgentTokenAdmin } from "./agents/agent-token-admin";
import type { AgentTools } from "./agents/agent-tools";
import type { ProposalWorker } from "./approvals/proposal-worker";
import type { Proposals } from "./approvals/proposals";
import type { AgentSettingsService } from "./settings/agent-settings";
import type { DattoApi } from "./datto/api/create-datto-api";
import type { DattoGateway } from "./datto/gateway/types";
import type { Simulator } from "./datto/simulator/create-simulator";
import type { AppConfig } from "./env";
import type { Components } from "./components/components";
import type { FleetIndex } from "./fleet/fleet-index";
import type { JobDispatcher } from "./jobs/dispatcher";
import type { JobTracker } from "./jobs/job-tracker";
import type { Jobs } from "./jobs/jobs";
import type { FleetRefresh } from "./fleet/refresh";
import type { SoftwareSearch } from "./fleet/software-search";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { Store } from "./store/port/store";
import type { UserAdmin } from "./users/user-admin";
import type { SavedViews } from "./views/saved-views";
import type { UdfNames } from "./views/udf-names";
import type { TokenResolver } from "./middleware/resolve-actor";
import type { AlertSampler } from "./wall/alert-sampler";
import type { WallSummaryCache } from "./wall/wall-summary";
import type { WallTokens } from "./wall/wall-tokens";

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
