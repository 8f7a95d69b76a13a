import { describe, expect, it } from "vitest";
import { UsernameTakenError } from "../../store/port/user-repo";
import { reserveAttempt } from "./login-attempt-contract";
import type { OpenStoreHarness } from "./store-harness";

/**
 * Two stores on one database, as two server processes would have: what one store's checks
 * promise must hold against the other's writes, not only against its own callers.
 */
export function describeRaceContract(open: OpenStoreHarness) {
  describe("two stores on one database", () => {
    it("keep one enabled admin when both remove every admin at once", async () => {
      const { store: a, openAnother } = await open();
      const b = await openAnother();
      const admins = [];
      for (let i = 0; i < 6; i++) {
        admins.push(
          await a.users.create({ username: `admin${i}`, role: "admin", passwordHash: "h" }),
        );
      }
      const [fromA, fromB] = await Promise.all([
        Promise.all(admins.map((u) => a.users.changeAccess(u.id, { role: "viewer" }))),
        Promise.all(
          [...admins].reverse().map((u) => b.users.changeAccess(u.id, { disabled: true })),
        ),
      ]);
      const results = [...fromA, ...fromB];
      const removed = results.filter(
        (r) => r.ok && r.before.role === "admin" && !r.before.disabled,
      );
      expect(removed).toHaveLength(5);
      expect(results.filter((r) => !r.ok && r.reason === "last_admin").length).toBeGreaterThan(0);
      expect(await a.users.countActiveAdmins()).toBe(1);
      expect(await b.users.countActiveAdmins()).toBe(1);
    });

    it("give the name limit's reservations to at most 5 attempts across both", async () => {
      const { store: a, clock, openAnother } = await open();
      const b = await openAnother();
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          reserveAttempt(i % 2 === 0 ? a : b, clock, "alice", `10.0.0.${i}`),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      const perAddress = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          reserveAttempt(i % 2 === 0 ? b : a, clock, `u${i}`, "10.9.9.9"),
        ),
      );
      expect(perAddress.filter((r) => r.ok)).toHaveLength(20);
    });

    it("give a username to one of two creating it at once", async () => {
      const { store: a, openAnother } = await open();
      const b = await openAnother();
      const results = await Promise.allSettled([
        a.users.create({ username: "zed", role: "viewer", passwordHash: "h" }),
        b.users.create({ username: "ZED", role: "viewer", passwordHash: "h" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect(rejected?.reason).toBeInstanceOf(UsernameTakenError);
    });

    it("give a lease to one of two taking it at once", async () => {
      const { store: a, clock, openAnother } = await open();
      const b = await openAnother();
      const take = (store: typeof a, id: string) =>
        store.instanceLock.acquire({
          name: "server",
          holder: { id, pid: 1, host: "h" },
          now: clock.now(),
          ttlMs: 1000,
        });
      const results = await Promise.all([take(a, "a"), take(b, "b"), take(a, "c"), take(b, "d")]);
      expect(results.filter((r) => r.acquired)).toHaveLength(1);
    });

    it("see each other's committed changes on the next read, cached or not", async () => {
      const { store: server, openAnother } = await open();
      const cli = await openAnother();
      const u = await server.users.create({
        username: "ann",
        role: "technician",
        passwordHash: "h",
      });
      await server.sessions.create({ idHash: "s1", userId: u.id, createdAt: 1, lastSeenAt: 1 });
      expect((await server.users.findById(u.id))?.disabled).toBe(false);
      expect(await server.sessions.find("s1")).not.toBeNull();
      expect(await server.udfLabels.getAll()).toEqual({});

      await cli.users.changeAccess(u.id, { disabled: true, role: "viewer" });
      await cli.sessions.revoke("s1");
      await cli.udfLabels.replaceAll({ udf2: "Contract" });

      expect(await server.users.findById(u.id)).toMatchObject({ disabled: true, role: "viewer" });
      expect(await server.sessions.find("s1")).toBeNull();
      expect(await server.udfLabels.getAll()).toEqual({ udf2: "Contract" });
    });
  });
}
