import { describe, expect, it } from "vitest";
import { UsernameTakenError } from "../../store/port/user-repo";
import type { OpenStoreHarness } from "./store-harness";

export function describeAccountContract(open: OpenStoreHarness) {
  describe("users", () => {
    it("finds users by username regardless of case and refuses a taken name", async () => {
      const { store, clock } = await open();
      const alice = await store.users.create({
        username: "alice",
        role: "viewer",
        passwordHash: "h",
      });
      expect(alice).toEqual({
        id: alice.id,
        username: "alice",
        role: "viewer",
        disabled: false,
        createdAt: clock.now(),
        lastLoginAt: null,
      });
      expect((await store.users.findByUsername("ALICE"))?.id).toBe(alice.id);
      expect(await store.users.findById(alice.id)).toEqual({ ...alice, passwordHash: "h" });
      await expect(
        store.users.create({ username: "Alice", role: "admin", passwordHash: "h" }),
      ).rejects.toBeInstanceOf(UsernameTakenError);
      expect(await store.users.findByUsername("nobody")).toBeNull();
      expect(await store.users.findById("nobody")).toBeNull();
    });

    it("lists users by name ignoring case, without password hashes", async () => {
      const { store } = await open();
      for (const username of ["bob", "Alice", "carol"]) {
        await store.users.create({ username, role: "viewer", passwordHash: "secret" });
      }
      const users = await store.users.list();
      expect(users.map((u) => u.username)).toEqual(["Alice", "bob", "carol"]);
      expect(JSON.stringify(users)).not.toContain("secret");
    });

    it("records logins and password changes", async () => {
      const { store } = await open();
      const u = await store.users.create({ username: "dan", role: "viewer", passwordHash: "old" });
      await store.users.recordLogin(u.id, 1234);
      await store.users.setPasswordHash(u.id, "new");
      expect(await store.users.findById(u.id)).toMatchObject({
        lastLoginAt: 1234,
        passwordHash: "new",
      });
    });

    it("changes role and disabled, and says what it was before", async () => {
      const { store } = await open();
      await store.users.create({ username: "root", role: "admin", passwordHash: "h" });
      const u = await store.users.create({ username: "eve", role: "viewer", passwordHash: "h" });
      const result = await store.users.changeAccess(u.id, { role: "technician", disabled: true });
      expect(result).toEqual({
        ok: true,
        before: u,
        user: { ...u, role: "technician", disabled: true },
      });
      expect(await store.users.findById(u.id)).toMatchObject({
        role: "technician",
        disabled: true,
      });
      expect(await store.users.changeAccess("nobody", { disabled: true })).toEqual({
        ok: false,
        reason: "not_found",
      });
    });

    it("refuses to demote or disable the last enabled admin, and changes nothing then", async () => {
      const { store } = await open();
      const a = await store.users.create({ username: "a", role: "admin", passwordHash: "h" });
      const b = await store.users.create({ username: "b", role: "admin", passwordHash: "h" });
      expect(await store.users.countActiveAdmins()).toBe(2);
      expect((await store.users.changeAccess(a.id, { disabled: true })).ok).toBe(true);
      expect(await store.users.countActiveAdmins()).toBe(1);

      for (const patch of [{ disabled: true }, { role: "viewer" as const }]) {
        expect(await store.users.changeAccess(b.id, patch)).toEqual({
          ok: false,
          reason: "last_admin",
          user: b,
        });
      }
      // A disabled admin does not count; other changes to the last admin are fine.
      expect((await store.users.changeAccess(b.id, { role: "admin", disabled: false })).ok).toBe(
        true,
      );
      expect(await store.users.findById(b.id)).toMatchObject({ role: "admin", disabled: false });
      expect((await store.users.changeAccess(a.id, { disabled: false })).ok).toBe(true);
      expect((await store.users.changeAccess(b.id, { role: "viewer" })).ok).toBe(true);
      expect(await store.users.countActiveAdmins()).toBe(1);
    });
  });

  describe("sessions", () => {
    it("creates, finds, touches and revokes sessions", async () => {
      const { store } = await open();
      const u = await store.users.create({ username: "a", role: "admin", passwordHash: "h" });
      const s = { idHash: "s1", userId: u.id, createdAt: 10, lastSeenAt: 10 };
      await store.sessions.create(s);
      await store.sessions.create({ ...s, idHash: "s2" });
      expect(await store.sessions.find("s1")).toEqual(s);
      await store.sessions.touch("s1", 99);
      expect(await store.sessions.find("s1")).toEqual({ ...s, lastSeenAt: 99 });
      await store.sessions.revoke("s1");
      expect(await store.sessions.find("s1")).toBeNull();
      expect(await store.sessions.revokeAllForUser(u.id)).toBe(1);
      expect(await store.sessions.find("s2")).toBeNull();
    });

    it("refuses a session for a user that does not exist", async () => {
      const { store } = await open();
      await expect(
        store.sessions.create({ idHash: "s", userId: "nobody", createdAt: 1, lastSeenAt: 1 }),
      ).rejects.toThrow();
      expect(await store.sessions.find("s")).toBeNull();
    });

    it("deletes sessions idle or created at or before the given times", async () => {
      const { store } = await open();
      const u = await store.users.create({ username: "a", role: "admin", passwordHash: "h" });
      const add = (idHash: string, createdAt: number, lastSeenAt: number) =>
        store.sessions.create({ idHash, userId: u.id, createdAt, lastSeenAt });
      await add("idle", 500, 100);
      await add("old", 200, 900);
      await add("live", 201, 101);
      expect(await store.sessions.deleteExpired(100, 200)).toBe(2);
      expect(await store.sessions.find("live")).not.toBeNull();
      expect(await store.sessions.find("idle")).toBeNull();
    });
  });

  describe("events", () => {
    it("lists events newest first and pages back with before", async () => {
      const { store, clock } = await open();
      for (let i = 1; i <= 5; i++) {
        await store.events.append({
          actor: "a",
          actorKind: "person",
          actorId: "u1",
          kind: `k${i}`,
          target: null,
          detail: { i },
        });
        await clock.advance(1000);
      }
      const appended = await store.events.append({
        actor: null,
        actorKind: null,
        actorId: null,
        kind: "k6",
        target: "t",
        detail: null,
        at: 7,
      });
      expect(appended).toEqual({
        id: appended.id,
        at: 7,
        actor: null,
        actorKind: null,
        actorId: null,
        kind: "k6",
        target: "t",
        detail: null,
      });
      const page1 = await store.events.list({ limit: 2 });
      expect(page1.map((e) => e.kind)).toEqual(["k6", "k5"]);
      expect(page1[1]).toMatchObject({ actor: "a", actorKind: "person", actorId: "u1" });
      expect(page1[1]?.detail).toEqual({ i: 5 });
      const page2 = await store.events.list({ limit: 10, before: page1[1]!.id });
      expect(page2.map((e) => e.kind)).toEqual(["k4", "k3", "k2", "k1"]);
      expect(page2[3]!.at).toBe(page1[1]!.at - 4000);
    });
  });
}
