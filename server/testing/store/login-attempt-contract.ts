import { describe, expect, it } from "vitest";
import type { ManualClock } from "../../lib/clock";
import type { Store } from "../../store/port/store";
import type { OpenStoreHarness } from "./store-harness";
import {
  RESERVATION_HOLD_MS,
  THROTTLE_WINDOW_MS,
  reserveAttemptAt,
  throttleLimits,
} from "./throttle-request";

const WINDOW = THROTTLE_WINDOW_MS;
const HOLD = RESERVATION_HOLD_MS;

export const reserveAttempt = (store: Store, clock: ManualClock, username: string, ip: string) =>
  reserveAttemptAt(store, clock.now(), username, ip);

export function describeLoginAttemptContract(open: OpenStoreHarness) {
  const failOnce = async (store: Store, clock: ManualClock, username: string, ip: string) => {
    const reserved = await reserveAttempt(store, clock, username, ip);
    if (!reserved.ok) throw new Error(`locked until ${reserved.retryAt}`);
    await store.loginAttempts.settleFailed(reserved.attemptId, {
      keys: throttleLimits(username, ip).map((l) => l.key),
      at: clock.now(),
    });
  };

  describe("login attempts", () => {
    it("locks a name after 5 failures until the oldest one leaves the window", async () => {
      const { store, clock } = await open();
      const first = clock.now();
      for (let i = 0; i < 5; i++) {
        await failOnce(store, clock, "alice", "10.0.0.1");
        await clock.advance(60_000);
      }
      expect(await reserveAttempt(store, clock, "alice", "10.0.0.2")).toEqual({
        ok: false,
        retryAt: first + WINDOW,
      });
      await clock.set(first + WINDOW - 1);
      expect((await reserveAttempt(store, clock, "alice", "10.0.0.2")).ok).toBe(false);
      await clock.set(first + WINDOW);
      expect((await reserveAttempt(store, clock, "alice", "10.0.0.2")).ok).toBe(true);
      expect((await reserveAttempt(store, clock, "bob", "10.0.0.1")).ok).toBe(true);
    });

    it("counts attempts still in flight, so parallel guesses cannot pass the limit", async () => {
      const { store, clock } = await open();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => reserveAttempt(store, clock, "alice", `10.0.0.${i}`)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAt: clock.now() + WINDOW });
    });

    it("clears the name's failures on success, not the address's", async () => {
      const { store, clock } = await open();
      for (let i = 0; i < 4; i++) await failOnce(store, clock, "alice", "10.0.0.1");
      const reserved = await reserveAttempt(store, clock, "alice", "10.0.0.1");
      if (!reserved.ok) throw new Error("locked");
      await store.loginAttempts.settleSucceeded(reserved.attemptId, { clearKeys: ["user:alice"] });
      expect(await store.loginAttempts.failuresSince("user:alice", 0)).toEqual([]);
      expect(await store.loginAttempts.failuresSince("ip:10.0.0.1", 0)).toHaveLength(4);
      for (let i = 0; i < 5; i++)
        expect((await reserveAttempt(store, clock, "alice", "10.0.0.1")).ok).toBe(true);
    });

    it("locks an address after 20 failures, whatever the names", async () => {
      const { store, clock } = await open();
      for (let i = 0; i < 20; i++) await failOnce(store, clock, `user${i}`, "10.0.0.9");
      expect(await reserveAttempt(store, clock, "fresh", "10.0.0.9")).toEqual({
        ok: false,
        retryAt: clock.now() + WINDOW,
      });
      expect((await reserveAttempt(store, clock, "fresh", "10.0.0.10")).ok).toBe(true);
    });

    it("stops counting a reservation that was never settled once it lapses", async () => {
      const { store, clock } = await open();
      for (let i = 0; i < 5; i++)
        expect((await reserveAttempt(store, clock, "alice", "ip")).ok).toBe(true);
      expect((await reserveAttempt(store, clock, "alice", "ip")).ok).toBe(false);
      await clock.advance(HOLD);
      expect((await reserveAttempt(store, clock, "alice", "ip")).ok).toBe(true);
    });

    it("records a failure settled after its reservation lapsed", async () => {
      const { store, clock } = await open();
      const reserved = await reserveAttempt(store, clock, "alice", "ip");
      if (!reserved.ok) throw new Error("locked");
      await clock.advance(HOLD * 2);
      await store.loginAttempts.prune(clock.now());
      await store.loginAttempts.settleFailed(reserved.attemptId, {
        keys: ["user:alice"],
        at: clock.now(),
      });
      expect(await store.loginAttempts.failuresSince("user:alice", 0)).toEqual([clock.now()]);
    });

    it("prunes failures older than a time", async () => {
      const { store, clock } = await open();
      await failOnce(store, clock, "alice", "ip");
      await clock.advance(1000);
      await failOnce(store, clock, "alice", "ip");
      await store.loginAttempts.prune(clock.now());
      expect(await store.loginAttempts.failuresSince("user:alice", 0)).toEqual([clock.now()]);
      expect(await store.loginAttempts.failuresSince("ip:ip", clock.now() + 1)).toEqual([]);
    });
  });
}
