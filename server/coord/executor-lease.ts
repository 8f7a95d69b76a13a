import os from "node:os";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { executorLeaseName } from "../store/port/executor-repo";
import type { Store } from "../store/port/store";

/**
 * An executor is alive while its lease is: renewed every 5 s, it lapses 20 s after the last
 * renewal. Recovery leaves a lapsed executor's rows alone until then, so a stall shorter than
 * that (a long GC pause, a slow database) never makes another instance settle live work.
 */
export const EXECUTOR_LEASE = { ttlMs: 20_000, renewEveryMs: 5_000 };

export type ExecutorLease = { id: string; release(): Promise<void> };

/**
 * This instance's liveness as an executor (decision 0030): the lease `executor:<id>` in the
 * store's instance_leases, which job runs and proposals it executes point at. Nobody else ever
 * takes this name; a lost renewal (the database away for a moment) takes it again.
 */
export async function holdExecutorLease(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  id: string;
}): Promise<ExecutorLease> {
  const { store, clock, logger, id } = deps;
  const { ttlMs, renewEveryMs } = EXECUTOR_LEASE;
  const name = executorLeaseName(id);
  const holder = { id, pid: process.pid, host: os.hostname() };
  const take = () => store.instanceLock.acquire({ name, holder, now: clock.now(), ttlMs });
  await take();
  const renew = async () => {
    const renewed = await store.instanceLock.renew({
      name,
      holderId: id,
      now: clock.now(),
      ttlMs,
    });
    if (!renewed) await take();
  };
  const timer = setInterval(() => {
    renew().catch((error: unknown) => {
      logger.warn("executor lease not renewed", { error: String(error) });
    });
  }, renewEveryMs);
  timer.unref();
  return {
    id,
    async release() {
      clearInterval(timer);
      await store.instanceLock.release(name, id).catch(() => undefined);
    },
  };
}
