import { describe, expect, it } from "vitest";
import type { RawSql, StoreHarness } from "./store-harness";

/**
 * The event log refuses changes in the database itself (migration 13, with the audit chain): whoever connects, the
 * app's role included, can add events but not change or remove them.
 */
export function describeAppendOnlyContract(open: () => Promise<StoreHarness & { raw: RawSql }>) {
  describe("the event log, append-only in the database", () => {
    it("refuses UPDATE and DELETE of events, and keeps them", async () => {
      const { store, raw } = await open();
      await store.events.append({
        actor: "ann",
        actorKind: "person",
        actorId: "u1",
        kind: "user.created",
        target: "bob",
        detail: null,
      });
      await expect(raw("UPDATE events SET actor = 'mallory'")).rejects.toThrow(/append-only/);
      await expect(raw("DELETE FROM events")).rejects.toThrow(/append-only/);
      expect((await store.events.list({ limit: 5 })).map((e) => e.actor)).toEqual(["ann"]);
    });
  });
}
