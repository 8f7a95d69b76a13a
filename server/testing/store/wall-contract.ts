import { describe, expect, it } from "vitest";
import type { AlertSample } from "../../store/port/wall-repos";
import type { OpenStoreHarness } from "./store-harness";

const counts = (critical: number, at: number): AlertSample => ({
  at,
  total: critical + 1,
  critical,
  high: 1,
  moderate: 0,
  low: 0,
  information: 0,
});

export function describeWallContract(open: OpenStoreHarness) {
  describe("wall tokens", () => {
    it("finds an active token by its hash, lists active ones, and forgets a revoked one", async () => {
      const { store, clock, openAnother } = await open();
      const noc = await store.wallTokens.create({
        id: "w1",
        tokenHash: "hash-1",
        name: "NOC",
        layout: "rotate",
        rotateSeconds: 20,
        createdBy: "admin",
      });
      expect(noc).toEqual({
        id: "w1",
        name: "NOC",
        layout: "rotate",
        rotateSeconds: 20,
        createdAt: clock.now(),
        createdBy: "admin",
        lastUsedAt: null,
      });
      await clock.advance(5);
      const lobby = await store.wallTokens.create({
        id: "w2",
        tokenHash: "hash-2",
        name: "Lobby",
        layout: "all",
        rotateSeconds: 30,
        createdBy: null,
      });
      expect(await store.wallTokens.list()).toEqual([noc, lobby]);
      expect(await store.wallTokens.findActive("hash-1")).toEqual(noc);
      expect(await store.wallTokens.findActive("hash-3")).toBeNull();

      await store.wallTokens.touch("w1", 1234);
      expect((await store.wallTokens.findActive("hash-1"))?.lastUsedAt).toBe(1234);

      // Revoked through another connection (another process): this one stops finding it.
      const other = await openAnother();
      expect(await other.wallTokens.revoke("w1", clock.now())).toBe(true);
      expect(await other.wallTokens.revoke("w1", clock.now())).toBe(false);
      expect(await other.wallTokens.revoke("nope", clock.now())).toBe(false);
      expect(await store.wallTokens.findActive("hash-1")).toBeNull();
      expect((await store.wallTokens.list()).map((t) => t.id)).toEqual(["w2"]);
    });

    it("refuses a second token with the same hash", async () => {
      const { store } = await open();
      const token = {
        id: "a",
        tokenHash: "same",
        name: "A",
        layout: "all" as const,
        rotateSeconds: 20,
        createdBy: null,
      };
      await store.wallTokens.create(token);
      await expect(store.wallTokens.create({ ...token, id: "b" })).rejects.toThrow();
    });
  });

  describe("wall alert samples", () => {
    it("keeps one sample per minute, oldest first, and deletes the old ones", async () => {
      const { store } = await open();
      await store.wallSamples.put(counts(3, 120_000));
      await store.wallSamples.put(counts(1, 60_000));
      await store.wallSamples.put(counts(2, 180_000));
      await store.wallSamples.put(counts(9, 120_000));
      expect(await store.wallSamples.since(0)).toEqual([
        counts(1, 60_000),
        counts(9, 120_000),
        counts(2, 180_000),
      ]);
      expect(await store.wallSamples.since(120_000)).toHaveLength(2);
      expect(await store.wallSamples.deleteBefore(180_000)).toBe(2);
      expect(await store.wallSamples.since(0)).toEqual([counts(2, 180_000)]);
    });
  });
}
