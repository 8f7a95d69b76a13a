import { randomUUID } from "node:crypto";
import { claimDatabaseForCluster } from "./coord/cluster-claim";
import { connectCoordination, type Coordination } from "./coord/coordination";
import { holdExecutorLease } from "./coord/executor-lease";
import type { AppConfig } from "./env";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import { acquireInstanceLock } from "./store/instance-lock";
import type { Store } from "./store/port/store";
import { openPostgresStore } from "./store/postgres/open-postgres-store";
import { openSqliteStore } from "./store/sqlite/open-sqlite-store";

/** What every part stands on: the store, the claim on it, and (several instances) Redis. */
export interface Foundation {
  store: Store;
  coordination: Coordination | null;
  /** This instance as an executor of job runs and proposals (decision 0030). */
  executorId: string;
  /** What stops the background work, once it exists (called before anything closes). */
  setStopWork(stop: () => Promise<void>): void;
  /** Stops the work, then lets go of the executor lease, the claim, Redis and the store. */
  close(): Promise<void>;
}

/**
 * Opens the foundation in the order that keeps a bad start harmless: Redis first (unreachable, the
 * start stops before anything happens), then the store, then the claim on it (a second console on
 * this data folder or database must not walk Datto with a second budget), then this instance's
 * executor lease. Whatever was opened is closed again if a later step fails.
 */
export async function openFoundation(deps: {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  onInstanceLost?: (error: Error) => void;
}): Promise<Foundation> {
  const { config, clock, logger } = deps;
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
  let stopWork = async () => {};
  let lock: { release(): Promise<void> };
  const onLost = (error: Error) => {
    logger.error(error.message);
    void stopWork().finally(() => deps.onInstanceLost?.(error));
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
  // Recovery elsewhere leaves this instance's rows alone while this lease lives.
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
  } catch (error) {
    await close();
    throw error;
  }
  return {
    store,
    coordination,
    executorId,
    setStopWork(stop) {
      stopWork = stop;
    },
    close,
  };
}
