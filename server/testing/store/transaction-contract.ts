import { describe, expect, it } from "vitest";
import type { OpenStoreHarness } from "./store-harness";

export function describeTransactionContract(open: OpenStoreHarness) {
  describe("transactions", () => {
    it("commit everything fn wrote and resolve to what fn returned", async () => {
      const { store } = await open();
      const user = await store.transaction(async (tx) => {
        const u = await tx.users.create({ username: "ann", role: "admin", passwordHash: "h" });
        await tx.events.append({
          actor: "cli",
          actorKind: "cli",
          actorId: null,
          kind: "user.created",
          target: u.username,
          detail: null,
        });
        expect((await tx.users.findById(u.id))?.username).toBe("ann");
        return u;
      });
      expect(await store.users.findById(user.id)).not.toBeNull();
      expect((await store.events.list({ limit: 5 })).map((e) => e.kind)).toEqual(["user.created"]);
    });

    it("roll back everything when fn rejects, atomic repo methods included", async () => {
      const { store } = await open();
      const a = await store.users.create({ username: "a", role: "admin", passwordHash: "h" });
      await store.users.create({ username: "b", role: "admin", passwordHash: "h" });
      const failure = store.transaction(async (tx) => {
        await tx.users.changeAccess(a.id, { role: "viewer" });
        await tx.udfLabels.replaceAll({ udf1: "Gone" });
        await tx.softwareCatalog.put("dev", [{ name: "x", version: "1" }], 1);
        throw new Error("changed my mind");
      });
      await expect(failure).rejects.toThrow("changed my mind");
      expect((await store.users.findById(a.id))?.role).toBe("admin");
      expect(await store.udfLabels.getAll()).toEqual({});
      expect((await store.softwareCatalog.loadAll()).devices).toEqual([]);
    });

    it("show cached reads the transaction's outcome once it commits", async () => {
      const { store } = await open();
      const u = await store.users.create({ username: "a", role: "viewer", passwordHash: "h" });
      await store.sessions.create({ idHash: "s", userId: u.id, createdAt: 1, lastSeenAt: 1 });
      expect(await store.sessions.find("s")).not.toBeNull();
      expect((await store.users.findById(u.id))?.disabled).toBe(false);
      expect(await store.udfLabels.getAll()).toEqual({});
      await store.transaction(async (tx) => {
        await tx.users.changeAccess(u.id, { disabled: true });
        await tx.sessions.revokeAllForUser(u.id);
        await tx.udfLabels.replaceAll({ udf1: "Owner" });
      });
      expect(await store.sessions.find("s")).toBeNull();
      expect((await store.users.findById(u.id))?.disabled).toBe(true);
      expect(await store.udfLabels.getAll()).toEqual({ udf1: "Owner" });
    });

    it("refuse a call on the store itself from inside fn instead of waiting forever", async () => {
      const { store } = await open();
      const misuse = store.transaction(async (tx) => {
        await tx.users.create({ username: "a", role: "admin", passwordHash: "h" });
        await store.users.list();
      });
      await expect(misuse).rejects.toThrow(/use the tx that fn receives/);
      expect(await store.users.list()).toEqual([]);
      await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
        /use the tx that fn receives/,
      );
    });
  });
}
