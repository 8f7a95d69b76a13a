import { describe, expect, it, vi } from "vitest";
import { acquireInstanceLock, InstanceLockedError, isProcessAlive } from "./instance-lock";
import type { LeaseHolder } from "./port/instance-lock-repo";
import { useSqliteHarness } from "../testing/store/sqlite-harness";

const here = (id: string, pid: number): LeaseHolder => ({ id, pid, host: "deck-host" });
const noLoss = (error: Error) => {
  throw error;
};

describe("acquireInstanceLock", () => {
  const open = useSqliteHarness();

  it("refuses a second console on the same database while the first one runs, and says why", async () => {
    const { store, clock, openAnother } = await open();
    const first = await acquireInstanceLock({
      store,
      clock,
      holder: here("first", 111),
      isAlive: () => true,
      onLost: noLoss,
    });
    const second = await openAnother();
    const tryStart = () =>
      acquireInstanceLock({
        store: second,
        clock,
        holder: here("second", 222),
        isAlive: () => true,
        onLost: noLoss,
      });
    await expect(tryStart()).rejects.toThrow(
      /Another RMM Deck is already running on this data folder \(pid 111 on deck-host, last seen 0 s ago\).*exceed Datto's limit.*another DATA_DIR.*lapses within 15 s/,
    );
    // The heartbeat keeps the claim alive well past the lease's 15 s.
    for (let i = 0; i < 12; i++) {
      await clock.advance(5_000);
      await vi.waitFor(async () => {
        const refusal = await tryStart().catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(InstanceLockedError);
        expect((refusal as InstanceLockedError).lease.renewedAt).toBe(clock.now());
      });
    }
    await first.release();
    expect(clock.pendingSleepers()).toBe(0);
    const next = await tryStart();
    await next.release();
  });

  it("lets the next start in once a crashed console's lease lapses", async () => {
    const { store, clock } = await open();
    const crashed = { id: "crashed", pid: 1, host: "other-host" };
    await store.instanceLock.acquire({
      name: "server",
      holder: crashed,
      now: clock.now(),
      ttlMs: 15_000,
    });
    const start = () =>
      acquireInstanceLock({ store, clock, holder: here("next", 2), onLost: noLoss });
    await expect(start()).rejects.toBeInstanceOf(InstanceLockedError);
    await clock.advance(14_999);
    await expect(start()).rejects.toBeInstanceOf(InstanceLockedError);
    await clock.advance(1);
    const lock = await start();
    await lock.release();
  });

  it("takes over at once from a console that died on this host", async () => {
    const { store, clock } = await open();
    const take = (holder: LeaseHolder) =>
      store.instanceLock.acquire({ name: "server", holder, now: clock.now(), ttlMs: 15_000 });
    await take(here("dead", 4242));
    const lock = await acquireInstanceLock({
      store,
      clock,
      holder: here("next", 7),
      isAlive: (pid) => pid !== 4242,
      onLost: noLoss,
    });
    await lock.release();
    // A container restarted under the same pid: the holder with our pid cannot be alive.
    await take(here("previous-run", 1));
    const again = await acquireInstanceLock({
      store,
      clock,
      holder: here("this-run", 1),
      isAlive: () => true,
      onLost: noLoss,
    });
    await again.release();
  });

  it("tells the caller when another process took the lease", async () => {
    const { store, clock } = await open();
    const lost: Error[] = [];
    const lock = await acquireInstanceLock({
      store,
      clock,
      holder: here("stalled", 1),
      onLost: (error) => lost.push(error),
    });
    await store.instanceLock.acquire({
      name: "server",
      holder: here("usurper", 2),
      now: clock.now(),
      ttlMs: 15_000,
      replacing: "stalled",
    });
    await clock.advance(5_000);
    await vi.waitFor(() => expect(lost).toHaveLength(1));
    expect(lost[0]?.message).toMatch(/lost its claim on the data folder/);
    await lock.release();
  });

  it("knows this process is alive and a made-up pid is not", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 12345)).toBe(false);
  });
});
