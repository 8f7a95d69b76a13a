import { afterEach, describe, expect, it } from "vitest";
import type { SavedView, SavedViewList } from "../contract/fleet-views";
import { createFleetTestApp, type FleetTestApp } from "../fleet/testing/create-fleet-test-app";

const apps: FleetTestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.cleanup();
});

function setup() {
  const t = createFleetTestApp({ devices: 10 });
  apps.push(t);
  return t;
}

const view = {
  name: " Offline servers ",
  query: { status: "offline", deviceType: "Server", sort: "lastSeen", dir: "desc", udf: "3:gold" },
  columns: ["hostname", "lastSeen", "udf3"],
};

describe("/api/views", () => {
  it("saves a view per user; others neither see nor delete it", async () => {
    const t = setup();
    const created = await t.request("/api/views", { method: "POST", json: view });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as SavedView;
    expect(saved).toMatchObject({
      name: "Offline servers",
      columns: view.columns,
      createdAt: t.clock.now(),
    });
    expect(saved.query).toEqual(view.query);

    expect((await t.getJson<SavedViewList>("/api/views")).views.map((v) => v.id)).toEqual([
      saved.id,
    ]);
    expect((await t.getJson<SavedViewList>("/api/views", "viewer2")).views).toEqual([]);
    const other = await t.request(`/api/views/${saved.id}`, { as: "viewer2", method: "DELETE" });
    expect(other.status).toBe(404);
    expect((await t.getJson<SavedViewList>("/api/views")).views).toHaveLength(1);

    expect((await t.request(`/api/views/${saved.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await t.getJson<SavedViewList>("/api/views")).views).toEqual([]);
    expect((await t.request(`/api/views/${saved.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses a view without a name or with an invalid query, saying why", async () => {
    const t = setup();
    const noName = await t.request("/api/views", { method: "POST", json: { ...view, name: "  " } });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Give the view a name.");
    const badQuery = await t.request("/api/views", {
      method: "POST",
      json: { ...view, query: { status: "sideways" } },
    });
    expect(badQuery.status).toBe(400);
    expect(await badQuery.text()).toContain("status must be online or offline");
    expect((await t.request("/api/views", { as: null })).status).toBe(401);
  });
});
