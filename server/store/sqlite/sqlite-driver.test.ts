import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { useSqliteHarness } from "../../testing/store/sqlite-harness";

/** A transaction on `store` that holds the database's write lock until `finish()` is called. */
function holdWriteLock(store: Awaited<ReturnType<ReturnType<typeof useSqliteHarness>>>["store"]) {
  let finish!: () => void;
  const released = new Promise<void>((resolve) => (finish = resolve));
  let began!: () => void;
  const holding = new Promise<void>((resolve) => (began = resolve));
  const done = store.transaction(async (tx) => {
    // Only a read: the lock is held because the transaction began IMMEDIATE.
    await tx.users.list();
    began();
    await released;
  });
  return { holding, finish, done };
}

describe("the SQLite driver", () => {
  const open = useSqliteHarness({ busyTimeoutMs: 300 });

  it("makes another connection's write wait for a transaction that has only read so far", async () => {
    const { store, openAnother } = await open();
    const other = await openAnother();
    const lock = holdWriteLock(store);
    await lock.holding;
    let written = false;
    const write = other.users
      .create({ username: "ann", role: "viewer", passwordHash: "h" })
      .then(() => (written = true));
    // The event loop keeps running meanwhile: this timer fires while the write waits.
    await sleep(100);
    expect(written).toBe(false);
    lock.finish();
    await lock.done;
    await write;
    expect((await store.users.list()).map((u) => u.username)).toEqual(["ann"]);
  });

  it("gives up with SQLITE_BUSY once the lock was held past the busy timeout", async () => {
    const { store, openAnother } = await open();
    const other = await openAnother();
    const lock = holdWriteLock(store);
    await lock.holding;
    const started = performance.now();
    await expect(
      other.users.create({ username: "ann", role: "viewer", passwordHash: "h" }),
    ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    lock.finish();
    await lock.done;
    // Reads never wait for writers (WAL).
    expect(await other.users.list()).toEqual([]);
  });
});
