import os from "node:os";
import type { Clock } from "../lib/clock";
import { INSTANCE_LEASE, InstanceLockedError } from "../store/instance-lock";
import type { Store } from "../store/port/store";

/**
 * With REDIS_URL several instances share the database on purpose, but a server started without
 * REDIS_URL must still be refused (and must refuse them): it would spend a budget of its own. All
 * instances of one deployment hold the same instance lease together, under one holder id derived
 * from their Redis key prefix, each renewing it; a lone server finds it held and stops, as it
 * would against any other server, and they find its lease held and refuse to start. The lease is
 * never released: it lapses 15 s after the last instance stops.
 */
export async function claimDatabaseForCluster(deps: {
  store: Store;
  clock: Clock;
  keyPrefix: string;
  onLost: (error: Error) => void;
}): Promise<{ release(): Promise<void> }> {
  const { store, clock, keyPrefix, onLost } = deps;
  const { name, ttlMs, renewEveryMs } = INSTANCE_LEASE;
  const holder = { id: `cluster:${keyPrefix}`, pid: process.pid, host: os.hostname() };
  const take = () => store.instanceLock.acquire({ name, holder, now: clock.now(), ttlMs });
  const first = await take();
  if (!first.acquired) throw new InstanceLockedError(first.lease, clock.now(), "database");

  let stopped = false;
  const timer = setInterval(() => {
    void take().then(
      (result) => {
        if (!result.acquired && !stopped) {
          stopped = true;
          clearInterval(timer);
          onLost(new InstanceLockedError(result.lease, clock.now(), "database"));
        }
      },
      () => {
        // The database is unreachable for a moment: the next round tries again.
      },
    );
  }, renewEveryMs);
  timer.unref();
  return {
    async release() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
