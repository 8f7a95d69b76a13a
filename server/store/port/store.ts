import type { AlertClaimRepo, AlertLastLookRepo, AlertResolutionRepo } from "./alert-repos";
import type { AgentTokenRepo, SettingsRepo, ToolPolicyRepo } from "./agent-repos";
import type { ComponentPrefsRepo } from "./component-prefs-repo";
import type { EventRepo } from "./event-repo";
import type { ExecutorRepo } from "./executor-repo";
import type { FleetSnapshotRepo, SavedViewRepo, UdfLabelRepo } from "./fleet-repos";
import type { InstanceLockRepo } from "./instance-lock-repo";
import type { JobRunRepo } from "./job-run-repo";
import type { LoginAttemptRepo } from "./login-attempt-repo";
import type { ProposalRepo } from "./proposal-repo";
import type { SessionRepo } from "./session-repo";
import type { SoftwareCatalogRepo } from "./software-catalog-repo";
import type { UserRepo } from "./user-repo";
import type { WallSampleRepo, WallTokenRepo } from "./wall-repos";

/** Every repository of the store, outside or inside a transaction. */
export interface Repos {
  users: UserRepo;
  sessions: SessionRepo;
  loginAttempts: LoginAttemptRepo;
  events: EventRepo;
  fleetSnapshots: FleetSnapshotRepo;
  savedViews: SavedViewRepo;
  udfLabels: UdfLabelRepo;
  softwareCatalog: SoftwareCatalogRepo;
  instanceLock: InstanceLockRepo;
  agentTokens: AgentTokenRepo;
  toolPolicies: ToolPolicyRepo;
  settings: SettingsRepo;
  proposals: ProposalRepo;
  alertClaims: AlertClaimRepo;
  alertResolutions: AlertResolutionRepo;
  jobRuns: JobRunRepo;
  /** Which instance executes a run's dispatch or a proposal (decision 0030). */
  executors: ExecutorRepo;
  componentPrefs: ComponentPrefsRepo;
  alertLastLooks: AlertLastLookRepo;
  wallTokens: WallTokenRepo;
  wallSamples: WallSampleRepo;
}

/**
 * The persistence port (docs/decisions/0009-async-store-on-kysely.md). Routes and services depend
 * on it, never on a database. Each repo method is atomic on its own; `transaction` makes several
 * one unit: all commit or none does, and no other writer (another request, another process) sees
 * or changes the data in between.
 */
export interface Store extends Repos {
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it rejects.
   * Inside `fn` use only `tx`: the store itself waits for this transaction to end, so it rejects
   * calls made from inside rather than wait forever. Keep `fn` short and free of slow work (no
   * password hashing, no Datto calls): other writers wait for it.
   */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
