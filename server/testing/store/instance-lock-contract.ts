import { describe, expect, it } from "vitest";
import type { OpenStoreHarness } from "./store-harness";

const holder = (id: string) => ({ id, pid: 100, host: "host-a" });

export function describeInstanceLockContract(open: OpenStoreHarness) {
  describe("instance leases", () => {
    it("gives a lease to one holder until it lapses or is released", async () => {
      const { store, clock } = await open();
      const lock = store.instanceLock;
      const take = (id: string, replacing?: string) =>
        lock.acquire({
          name: "server",
          holder: holder(id),
          now: clock.now(),
          ttlMs: 1000,
          replacing,
        });
      const start = clock.now();
      expect(await take("a")).toEqual({ acquired: true });
      expect(await take("a")).toEqual({ acquired: true });
      expect(await take("b")).toEqual({
        acquired: false,
        lease: { ...holder("a"), acquiredAt: start, renewedAt: start, expiresAt: start + 1000 },
      });
      expect(
        await lock.acquire({ name: "other", holder: holder("b"), now: start, ttlMs: 1000 }),
      ).toEqual({ acquired: true });

      await clock.advance(999);
      expect(
        await lock.renew({ name: "server", holderId: "a", now: clock.now(), ttlMs: 1000 }),
      ).toBe(true);
      await clock.advance(999);
      expect((await take("b")).acquired).toBe(false);
      await clock.advance(1);
      expect(await take("b")).toEqual({ acquired: true });
      expect(
        await lock.renew({ name: "server", holderId: "a", now: clock.now(), ttlMs: 1000 }),
      ).toBe(false);

      await lock.release("server", "a");
      expect((await take("c")).acquired).toBe(false);
      await lock.release("server", "b");
      expect(await take("c")).toEqual({ acquired: true });
      expect(await take("d", "c")).toEqual({ acquired: true });
      expect((await take("c")).acquired).toBe(false);
    });
  });
}
