import type { Kysely } from "kysely";
import type { Clock } from "../../lib/clock";
import type { Repos, Store } from "../port/store";
import type { Database } from "./database";
import type { DialectTraits } from "./dialect-traits";
import {
  createAlertClaimRepo,
  createAlertLastLookRepo,
  createAlertResolutionRepo,
} from "./alert-repos";
import { createSettingsRepo, createToolPolicyRepo } from "./agent-settings-repos";
import { createAgentTokenRepo } from "./agent-token-repo";
import { createComponentPrefsRepo } from "./component-prefs-repo";
import { createEventRepo } from "./event-repo";
import { createExecutorRepo } from "./executor-repo";
import { createFleetSnapshotRepo } from "./fleet-snapshot-repo";
import { createInstanceLockRepo } from "./instance-lock-repo";
import { createJobRunRepo } from "./job-run-repo";
import { createLoginAttemptRepo } from "./login-attempt-repo";
import { createProposalRepo } from "./proposal-repo";
import { createReadCache } from "./read-cache";
import type { RepoContext } from "./repo-context";
import { createSavedViewRepo } from "./saved-view-repo";
import { createSessionRepo } from "./session-repo";
import { createSoftwareCatalogRepo } from "./software-catalog-repo";
import type { TransactionScope } from "./transaction-scope";
import { createUdfLabelRepo } from "./udf-label-repo";
import { createUserRepo } from "./user-repo";
import { createWallSampleRepo, createWallTokenRepo } from "./wall-repos";

export type KyselyStoreDeps = {
  /** Already migrated. The store owns it: close() destroys it. */
  db: Kysely<Database>;
  traits: DialectTraits;
  clock: Clock;
  /** Moves whenever another connection may have committed (see read-cache.ts). */
  changeVersion: () => number;
  /** The scope the dialect's driver checks before it hands out a connection. */
  scope: TransactionScope;
};

/** The store port over any Kysely dialect: the adapters only open the database and migrate it. */
export function createKyselyStore({
  db,
  traits,
  clock,
  changeVersion,
  scope,
}: KyselyStoreDeps): Store {
  const caches: RepoContext["caches"] = {
    users: createReadCache(changeVersion),
    sessions: createReadCache(changeVersion),
    udfLabels: createReadCache(changeVersion),
  };
  // Also after commit: with a pool of connections (PostgreSQL), a read on another connection
  // could load the old row between a transaction's write and its commit.
  const inTransaction = async <T>(fn: (trx: Kysely<Database>) => Promise<T>) => {
    try {
      return await db.transaction().execute(fn);
    } finally {
      Object.values(caches).forEach((cache) => cache.invalidate());
    }
  };
  const reposOn = (executor: Kysely<Database>): Repos => {
    const context: RepoContext = {
      db: executor,
      traits,
      clock,
      caches,
      atomically: (fn) => (executor.isTransaction ? fn(executor) : inTransaction(fn)),
    };
    return {
      users: createUserRepo(context),
      sessions: createSessionRepo(context),
      loginAttempts: createLoginAttemptRepo(context),
      events: createEventRepo(context),
      fleetSnapshots: createFleetSnapshotRepo(context),
      savedViews: createSavedViewRepo(context),
      udfLabels: createUdfLabelRepo(context),
      softwareCatalog: createSoftwareCatalogRepo(context),
      instanceLock: createInstanceLockRepo(context),
      agentTokens: createAgentTokenRepo(context),
      toolPolicies: createToolPolicyRepo(context),
      settings: createSettingsRepo(context),
      proposals: createProposalRepo(context),
      alertClaims: createAlertClaimRepo(context),
      alertResolutions: createAlertResolutionRepo(context),
      jobRuns: createJobRunRepo(context),
      executors: createExecutorRepo(context),
      componentPrefs: createComponentPrefsRepo(context),
      alertLastLooks: createAlertLastLookRepo(context),
      wallTokens: createWallTokenRepo(context),
      wallSamples: createWallSampleRepo(context),
    };
  };
  return {
    ...reposOn(db),
    transaction: (fn) => inTransaction((trx) => scope.run(() => fn(reposOn(trx)))),
    close: () => db.destroy(),
  };
}
