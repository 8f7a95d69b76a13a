import { afterEach, describe, expect, it } from "vitest";
import type { SavedView, SavedViewList } from "../contract/views";
import { MAX_VIEWS_PER_USER } from "./view-routes";
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

  it("refuses over-long names and udf filters", async () => {
    const t = setup();
    const longName = await t.request("/api/views", {
      method: "POST",
      json: { ...view, name: "n".repeat(101) },
    });
    expect(longName.status).toBe(400);
    expect(await longName.text()).toContain("View names can have at most 100 characters.");
    const longUdf = await t.request("/api/views", {
      method: "POST",
      json: { ...view, query: { udf: `3:${"x".repeat(299)}` } },
    });
    expect(longUdf.status).toBe(400);
    expect(await longUdf.text()).toContain("The udf filter can have at most 300 characters.");
    const atLimit = { ...view, query: { udf: `3:${"x".repeat(298)}` } };
    expect((await t.request("/api/views", { method: "POST", json: atLimit })).status).toBe(201);
  });

  it("keeps at most 200 views per user and says so", async () => {
    const t = setup();
    for (let i = 0; i < MAX_VIEWS_PER_USER; i++) {
      const json = { name: `v${i}`, query: {}, columns: [] };
      expect((await t.request("/api/views", { method: "POST", json })).status).toBe(201);
    }
    const refused = await t.request("/api/views", { method: "POST", json: view });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: {
        code: "too_many_views",
        message: "You have 200 saved views, the most allowed. Delete one to save another.",
      },
    });
    expect((await t.getJson<SavedViewList>("/api/views")).views).toHaveLength(200);
    // Another user is not affected, and deleting one makes room again.
    expect(
      (await t.request("/api/views", { as: "viewer2", method: "POST", json: view })).status,
    ).toBe(201);
    const first = (await t.getJson<SavedViewList>("/api/views")).views[0]!;
    expect((await t.request(`/api/views/${first.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await t.request("/api/views", { method: "POST", json: view })).status).toBe(201);
  });
});
