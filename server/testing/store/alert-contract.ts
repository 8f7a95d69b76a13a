import { describe, expect, it } from "vitest";
import type { QueueAlert } from "../../contract/alerts";
import type { OpenStoreHarness } from "./store-harness";

const row = (alertUid: string): QueueAlert => ({
  alertUid,
  priority: "High",
  timestamp: 1,
  contextClass: "srvc_status_ctx",
  contextSummary: "Service Spooler stopped",
  deviceUid: "d1",
  deviceName: "PC-1",
  siteUid: "s1",
  siteName: "Site",
  firstSeenAt: 1,
  claim: null,
  resolveOutcome: null,
  resolved: true,
  resolution: { via: "datto", by: null, at: 5 },
});

export function describeAlertContract(open: OpenStoreHarness) {
  describe("alert claims", () => {
    it("lets the first claim win and tells the second who holds it", async () => {
      const { store, clock } = await open();
      const ann = {
        alertUid: "a1",
        actor: "ann",
        actorKind: "person",
        actorId: "u1",
        note: "on it",
      };
      const bob = { ...ann, actor: "bob", actorId: "u2", note: null };
      const first = await store.alertClaims.claim(ann);
      expect(first).toEqual({
        taken: true,
        claim: { by: "ann", byKind: "person", byId: "u1", note: "on it", at: clock.now() },
      });
      expect(await store.alertClaims.claim(bob)).toEqual({
        taken: false,
        holder: { by: "ann", byKind: "person", byId: "u1", note: "on it", at: clock.now() },
      });
      expect(await store.alertClaims.updateNote("a1", "u2", "bob", "mine")).toBeNull();
      expect((await store.alertClaims.updateNote("a1", "u1", "ann", "later"))?.note).toBe("later");
      expect([...(await store.alertClaims.list()).keys()]).toEqual(["a1"]);
      expect((await store.alertClaims.release("a1"))?.by).toBe("ann");
      expect(await store.alertClaims.release("a1")).toBeNull();
      expect((await store.alertClaims.claim(bob)).taken).toBe(true);
      await store.alertClaims.removeMany(["a1", "a2"]);
      expect(await store.alertClaims.get("a1")).toBeNull();
    });

    it("gives exactly one of two stores claiming at once the alert", async () => {
      const { store, openAnother } = await open();
      const other = await openAnother();
      const input = (actor: string) => ({
        alertUid: "race",
        actor,
        actorKind: "person",
        actorId: actor,
        note: null,
      });
      const results = await Promise.all([
        store.alertClaims.claim(input("ann")),
        other.alertClaims.claim(input("bob")),
      ]);
      expect(results.filter((r) => r.taken)).toHaveLength(1);
      const loser = results.find((r) => !r.taken)!;
      const winner = results.find((r) => r.taken)!;
      expect(!loser.taken && winner.taken && loser.holder.by).toBe(winner.taken && winner.claim.by);
    });
  });

  describe("alert resolutions", () => {
    it("keeps the last day newest first; ours is never overwritten by 'it left the list'", async () => {
      const { store } = await open();
      await store.alertResolutions.record({
        alertUid: "a1",
        via: "deck",
        actor: "ann",
        actorKind: "person",
        actorId: "u1",
        resolvedAt: 10,
        alert: row("a1"),
      });
      await store.alertResolutions.record({
        alertUid: "a1",
        via: "datto",
        actor: null,
        actorKind: null,
        actorId: null,
        resolvedAt: 20,
        alert: row("a1"),
      });
      await store.alertResolutions.record({
        alertUid: "a2",
        via: "datto",
        actor: "portal-user",
        actorKind: null,
        actorId: null,
        resolvedAt: 30,
        alert: row("a2"),
      });
      const list = await store.alertResolutions.listSince(0);
      expect(list.map((r) => [r.alertUid, r.via, r.actor])).toEqual([
        ["a2", "datto", "portal-user"],
        ["a1", "deck", "ann"],
      ]);
      expect((await store.alertResolutions.get("a1"))?.alert).toEqual(row("a1"));
      expect(await store.alertResolutions.pruneBefore(15)).toBe(1);
      await store.alertResolutions.removeMany(["a2"]);
      expect(await store.alertResolutions.listSince(0)).toEqual([]);
    });
  });
}
