import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Clock } from "../lib/clock";
import type { Lease, LeaseHolder } from "./port/instance-lock-repo";
import type { Store } from "./port/store";

export const INSTANCE_LEASE = { name: "server", ttlMs: 15_000, renewEveryMs: 5_000 };

export class InstanceLockedError extends Error {
  override name = "InstanceLockedError";
  constructor(
    readonly lease: Lease,
    now: number,
    /** A PostgreSQL database (DATABASE_URL) is shared on purpose: the advice differs. */
    place: "data folder" | "database" = "data folder",
  ) {
    const seconds = (ms: number) => Math.ceil(Math.max(0, ms) / 1000);
    const remedy =
      place === "database"
        ? "Stop the other one, or run several instances the supported way: set REDIS_URL on " +
          'every one of them (README, "Running several instances"), so they share one budget.'
        : "Stop the other one, or give this one another DATA_DIR.";
    super(
      `Another RMM Deck is already running on this ${place} (pid ${lease.pid} on ${lease.host}, ` +
        `last seen ${seconds(now - lease.renewedAt)} s ago). Two consoles on one ${place} would ` +
        `each spend a full Datto rate budget and together exceed Datto's limit. ${remedy} If ` +
        "the other one has crashed, its claim lapses " +
        `within ${Math.max(1, seconds(lease.expiresAt - now))} s: start again then.`,
    );
  }
}

export type InstanceLock = {
  holder: LeaseHolder;
  /** Stops the heartbeat and frees the lease, so the next start need not wait for it to lapse. */
  release(): Promise<void>;
};

/** Whether a process with this pid runs on this host (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims the database for this process: issue 7 wants a second console on the same data folder
 * to refuse to start, until several instances share one Datto budget. The claim is a lease row
 * renewed every few seconds; a process that dies without releasing it blocks the next start only
 * until the lease lapses (ttlMs), or not at all when it died on this host: its pid is gone, or
 * is this very process (a container restarted under the same pid). Lease times come from each
 * process's clock, so hosts sharing one database must keep their clocks in step.
 *
 * Rejects with InstanceLockedError when another live process holds it. `onLost` is called when a
 * renewal finds the lease taken (this process stalled past the ttl and another started): the
 * caller must stop.
 */
export async function acquireInstanceLock(deps: {
  store: Store;
  clock: Clock;
  onLost: (error: Error) => void;
  holder?: LeaseHolder;
  isAlive?: (pid: number) => boolean;
  lease?: Partial<typeof INSTANCE_LEASE>;
  place?: "data folder" | "database";
}): Promise<InstanceLock> {
  const { store, clock, onLost } = deps;
  const { name, ttlMs, renewEveryMs } = { ...INSTANCE_LEASE, ...deps.lease };
  const holder = deps.holder ?? { id: randomUUID(), pid: process.pid, host: os.hostname() };
  const isAlive = deps.isAlive ?? isProcessAlive;
  const repo = store.instanceLock;

  let result = await repo.acquire({ name, holder, now: clock.now(), ttlMs });
  if (!result.acquired) {
    const { lease } = result;
    const diedHere =
      lease.host === holder.host && (lease.pid === holder.pid || !isAlive(lease.pid));
    if (diedHere) {
      result = await repo.acquire({ name, holder, now: clock.now(), ttlMs, replacing: lease.id });
    }
  }
  if (!result.acquired) throw new InstanceLockedError(result.lease, clock.now(), deps.place);

  const stop = new AbortController();
  const heartbeat = (async () => {
    let expiresAt = clock.now() + ttlMs;
    for (;;) {
      try {
        await clock.sleep(renewEveryMs, stop.signal);
      } catch {
        return;
      }
      const now = clock.now();
      let renewed: boolean | "unknown";
      try {
        renewed = await repo.renew({ name, holderId: holder.id, now, ttlMs });
      } catch {
        renewed = "unknown";
      }
      if (renewed === true) expiresAt = now + ttlMs;
      // A busy or failing database: keep trying while the lease still stands.
      else if (renewed === false || now >= expiresAt) {
        onLost(
          new Error(
            "This RMM Deck lost its claim on the data folder: another process took it, or the " +
              "database could not be written to before the claim lapsed.",
          ),
        );
        return;
      }
    }
  })();

  return {
    holder,
    async release() {
      stop.abort();
      await heartbeat;
      await repo.release(name, holder.id);
    },
  };
}
