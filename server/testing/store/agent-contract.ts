import { describe, expect, it } from "vitest";
import type { NewProposal } from "../../store/port/proposal-repo";
import type { Store } from "../../store/port/store";
import type { OpenStoreHarness } from "./store-harness";

const GROUPS = {
  sites: "read-only",
  devices: "read-only",
  audit: "disabled",
  alerts: "read-write",
  jobs: "disabled",
} as const;

const proposal = (over: Partial<NewProposal> = {}): NewProposal => ({
  id: "p1",
  tool: "datto-resolve-alert",
  tokenId: "t1",
  agentName: "bot",
  reason: "fixed",
  risks: [],
  payload: { action: "resolve-alert", alertUid: "a1" },
  digest: "d".repeat(64),
  context: { device: null, component: null, alert: null },
  testMode: false,
  createdAt: 1_000,
  expiresAt: 100_000,
  state: "pending",
  ...over,
});

const event = (store: Pick<Store, "events">, kind: string) =>
  store.events.append({
    actor: "ann",
    actorKind: "person",
    actorId: "u1",
    kind,
    target: null,
    detail: { n: kind },
  });

/** Agent tokens, proposals and the audit chain: the guarantees issue 11 rests on. */
export function describeAgentContract(open: OpenStoreHarness) {
  describe("agent tokens", () => {
    it("are found by their hash, changed until revoked, and revoked once", async () => {
      const { store } = await open();
      const created = await store.agentTokens.create({
        id: "t1",
        name: "bot",
        tokenHash: "hash",
        hint: "rmmd_agent_abcd",
        groups: GROUPS,
        testMode: false,
        createdAt: 1,
        createdBy: "admin",
        expiresAt: null,
      });
      expect(await store.agentTokens.findByHash("hash")).toEqual(created);
      expect(
        (await store.agentTokens.update("t1", { testMode: true, expiresAt: 99 }))?.testMode,
      ).toBe(true);
      await store.agentTokens.touch("t1", 50);
      expect((await store.agentTokens.find("t1"))?.lastUsedAt).toBe(50);
      expect(await store.agentTokens.revoke("t1", 60)).toBe(true);
      expect(await store.agentTokens.revoke("t1", 61)).toBe(false);
      expect(await store.agentTokens.update("t1", { name: "again" })).toBeNull();
      expect((await store.agentTokens.list()).map((t) => t.revokedAt)).toEqual([60]);
    });
  });

  describe("proposals", () => {
    it("merge an identical pending request of one token, not an expired one", async () => {
      const { store } = await open();
      expect((await store.proposals.createOrMerge(proposal(), 1_000)).merged).toBe(false);
      const merged = await store.proposals.createOrMerge(proposal({ id: "p2" }), 2_000);
      expect(merged).toMatchObject({ merged: true, proposal: { id: "p1", requests: 2 } });
      const fresh = await store.proposals.createOrMerge(proposal({ id: "p3" }), 200_000);
      expect(fresh).toMatchObject({ merged: false, proposal: { id: "p3" } });
      expect((await store.proposals.find("p1"))?.state).toBe("expired");
    });

    it("change state for exactly one caller, across connections", async () => {
      const { store, openAnother } = await open();
      const other = await openAnother();
      await store.proposals.createOrMerge(proposal(), 1_000);
      const moves = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other).proposals.transition("p1", ["pending"], "approved", {
            decidedBy: `u${i}`,
          }),
        ),
      );
      expect(moves.filter(Boolean)).toHaveLength(1);
      const starts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other).proposals.transition("p1", ["approved"], "executing"),
        ),
      );
      expect(starts.filter(Boolean)).toHaveLength(1);
      expect(await store.proposals.transition("p1", ["pending"], "rejected")).toBe(false);
    });

    it("refuse an approval bound to another digest or after the expiry", async () => {
      const { store } = await open();
      await store.proposals.createOrMerge(proposal(), 1_000);
      expect(
        await store.proposals.transition(
          "p1",
          ["pending"],
          "approved",
          {},
          { digest: "e".repeat(64) },
        ),
      ).toBe(false);
      expect(
        await store.proposals.transition(
          "p1",
          ["pending"],
          "approved",
          {},
          { expiresAfter: 100_000 },
        ),
      ).toBe(false);
      expect(await store.proposals.expireDue(100_000)).toEqual(["p1"]);
    });
  });

  describe("the audit log", () => {
    it("chains every append, from several connections, and verifies", async () => {
      const { store, openAnother } = await open();
      const other = await openAnother();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => event(i % 2 ? store : other, `e.${i}`)),
      );
      await store.transaction(async (tx) => {
        await event(tx, "in.transaction");
      });
      expect(await store.events.verifyChain()).toEqual({ checked: 31, broken: null });
      expect((await store.events.list({ limit: 50, kind: "e" })).length).toBe(30);
      expect((await store.events.list({ limit: 50, kind: "in.transaction" })).length).toBe(1);
    });
  });
}
