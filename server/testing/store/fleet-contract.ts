import { describe, expect, it } from "vitest";
import type { OpenStoreHarness } from "./store-harness";

export function describeFleetContract(open: OpenStoreHarness) {
  describe("fleet snapshots", () => {
    it("keeps one snapshot per name, the last one saved", async () => {
      const { store, clock } = await open();
      expect(await store.fleetSnapshots.load()).toBeNull();
      expect(await store.fleetSnapshots.stamp()).toBeNull();
      await store.fleetSnapshots.save({ fetchedAt: 1, format: 1, payload: Buffer.from([1, 2]) });
      await clock.advance(10);
      await store.fleetSnapshots.save({ fetchedAt: 2, format: 3, payload: Buffer.from([0, 255]) });
      await store.fleetSnapshots.save(
        { fetchedAt: 9, format: 1, payload: Buffer.from([9]) },
        "other",
      );
      expect(await store.fleetSnapshots.load()).toEqual({
        fetchedAt: 2,
        savedAt: clock.now(),
        format: 3,
        payload: Buffer.from([0, 255]),
      });
      expect((await store.fleetSnapshots.load("other"))?.fetchedAt).toBe(9);
      expect(await store.fleetSnapshots.stamp()).toEqual({ fetchedAt: 2, savedAt: clock.now() });
    });
  });

  describe("saved views", () => {
    it("keeps each user's views to that user, oldest first", async () => {
      const { store, clock } = await open();
      const ann = await store.users.create({ username: "ann", role: "viewer", passwordHash: "h" });
      const bob = await store.users.create({ username: "bob", role: "viewer", passwordHash: "h" });
      const first = await store.savedViews.create(ann.id, {
        name: "Servers",
        query: { q: "srv" },
        columns: ["hostname"],
      });
      expect(first).toEqual({
        id: first.id,
        name: "Servers",
        query: { q: "srv" },
        columns: ["hostname"],
        createdAt: clock.now(),
      });
      await clock.advance(1);
      const second = await store.savedViews.create(ann.id, { name: "All", query: {}, columns: [] });
      expect(await store.savedViews.list(ann.id)).toEqual([first, second]);
      expect(await store.savedViews.list(bob.id)).toEqual([]);
      expect(await store.savedViews.delete(bob.id, first.id)).toBe(false);
      expect(await store.savedViews.delete(ann.id, first.id)).toBe(true);
      expect(await store.savedViews.list(ann.id)).toEqual([second]);
    });
  });

  describe("UDF labels", () => {
    it("replaces every label, trimmed, empty ones dropped, in UDF order", async () => {
      const { store } = await open();
      expect(await store.udfLabels.getAll()).toEqual({});
      await store.udfLabels.replaceAll({ udf1: "Old" });
      const stored = await store.udfLabels.replaceAll({
        udf10: " Contract ",
        udf2: "Owner",
        udf3: "  ",
      });
      expect(Object.entries(stored)).toEqual([
        ["udf2", "Owner"],
        ["udf10", "Contract"],
      ]);
      expect(await store.udfLabels.getAll()).toEqual(stored);
    });
  });

  describe("software catalog", () => {
    it("keeps each device's list in order, repeats included, and replaces it on put", async () => {
      const { store, openAnother } = await open();
      const chrome = { name: "Chrome", version: "120" };
      const zoom = { name: "Zoom", version: "5.1" };
      await store.softwareCatalog.put("dev-1", [chrome, zoom, chrome], 100);
      await store.softwareCatalog.put("dev-2", [zoom], 200);
      await store.softwareCatalog.put("dev-2", [{ name: "Zoom", version: "5.2" }, chrome], 300);
      await store.softwareCatalog.put("dev-3", [], 400);

      // What a restarted server reads back.
      const { titles, devices } = await (await openAnother()).softwareCatalog.loadAll();
      const byId = new Map(titles.map((t) => [t.id, `${t.name} ${t.version}`]));
      expect(byId.size).toBe(3);
      const lists = devices
        .map((d) => ({
          uid: d.deviceUid,
          at: d.fetchedAt,
          items: [...d.titleIds].map((id) => byId.get(id)),
        }))
        .sort((a, b) => a.uid.localeCompare(b.uid));
      expect(lists).toEqual([
        { uid: "dev-1", at: 100, items: ["Chrome 120", "Zoom 5.1", "Chrome 120"] },
        { uid: "dev-2", at: 300, items: ["Zoom 5.2", "Chrome 120"] },
        { uid: "dev-3", at: 400, items: [] },
      ]);
    });

    it("stores a list longer than one statement's batch", async () => {
      const { store } = await open();
      const items = Array.from({ length: 1_234 }, (_, i) => ({
        name: `App ${i % 700}`,
        version: `${i}`,
      }));
      await store.softwareCatalog.put("big", items, 1);
      const { titles, devices } = await store.softwareCatalog.loadAll();
      const byId = new Map(titles.map((t) => [t.id, t]));
      expect([...devices[0]!.titleIds].map((id) => byId.get(id))).toEqual(
        items.map((i) => expect.objectContaining(i)),
      );
    });
  });
}
