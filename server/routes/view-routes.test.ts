import { describe, expect, it } from "vitest";
import type {
  AlertSavedView,
  AlertSavedViewList,
  SavedView,
  SavedViewList,
} from "../contract/views";
import { testAppsClosedAfterEach } from "../testing/test-apps";
import { MAX_VIEWS_PER_PERSON } from "../views/saved-views";

/** Two viewers signed in: `viewer` (the demo account) and `viewer2`. */
const testApp = testAppsClosedAfterEach({ devices: 10, syncFleet: false });
async function setup() {
  const t = await testApp();
  await t.addUser("viewer2", "viewer");
  return Object.assign(t, { viewer: await t.signIn("viewer"), viewer2: await t.signIn("viewer2") });
}

const view = {
  name: " Offline servers ",
  query: { status: "offline", deviceType: "Server", sort: "lastSeen", dir: "desc", udf: "3:gold" },
  columns: ["hostname", "lastSeen", "udf3"],
};

describe("/api/views", () => {
  it("saves a view per user; others neither see nor delete it", async () => {
    const t = await setup();
    const created = await t.viewer.post("/api/views", view);
    expect(created.status).toBe(201);
    const saved = (await created.json()) as SavedView;
    expect(saved).toMatchObject({
      name: "Offline servers",
      columns: view.columns,
      createdAt: t.clock.now(),
    });
    expect(saved.query).toEqual(view.query);

    expect((await t.viewer.getJson<SavedViewList>("/api/views")).views.map((v) => v.id)).toEqual([
      saved.id,
    ]);
    expect((await t.viewer2.getJson<SavedViewList>("/api/views")).views).toEqual([]);
    const other = await t.viewer2.delete(`/api/views/${saved.id}`);
    expect(other.status).toBe(404);
    expect((await t.viewer.getJson<SavedViewList>("/api/views")).views).toHaveLength(1);

    expect((await t.viewer.delete(`/api/views/${saved.id}`)).status).toBe(204);
    expect((await t.viewer.getJson<SavedViewList>("/api/views")).views).toEqual([]);
    expect((await t.viewer.delete(`/api/views/${saved.id}`)).status).toBe(404);
  });

  it("refuses a view without a name or with an invalid query, saying why", async () => {
    const t = await setup();
    const noName = await t.viewer.post("/api/views", { ...view, name: "  " });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Give the view a name.");
    const badQuery = await t.viewer.post("/api/views", { ...view, query: { status: "sideways" } });
    expect(badQuery.status).toBe(400);
    expect(await badQuery.text()).toContain("status must be online or offline");
    expect((await t.request("/api/views")).status).toBe(401);
  });

  it("refuses over-long names and udf filters", async () => {
    const t = await setup();
    const longName = await t.viewer.post("/api/views", { ...view, name: "n".repeat(101) });
    expect(longName.status).toBe(400);
    expect(await longName.text()).toContain("View names can have at most 100 characters.");
    const longUdf = await t.viewer.post("/api/views", {
      ...view,
      query: { udf: `3:${"x".repeat(299)}` },
    });
    expect(longUdf.status).toBe(400);
    expect(await longUdf.text()).toContain("The udf filter can have at most 300 characters.");
    const atLimit = { ...view, query: { udf: `3:${"x".repeat(298)}` } };
    expect((await t.viewer.post("/api/views", atLimit)).status).toBe(201);
  });

  it("keeps at most 200 views per user and says so", async () => {
    const t = await setup();
    for (let i = 0; i < MAX_VIEWS_PER_PERSON; i++) {
      const json = { name: `v${i}`, query: {}, columns: [] };
      expect((await t.viewer.post("/api/views", json)).status).toBe(201);
    }
    const refused = await t.viewer.post("/api/views", view);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: {
        code: "too_many_views",
        message: "You have 200 saved views, the most allowed. Delete one to save another.",
      },
    });
    expect((await t.viewer.getJson<SavedViewList>("/api/views")).views).toHaveLength(200);
    // Another user is not affected, and deleting one makes room again.
    expect((await t.viewer2.post("/api/views", view)).status).toBe(201);
    const first = (await t.viewer.getJson<SavedViewList>("/api/views")).views[0]!;
    expect((await t.viewer.delete(`/api/views/${first.id}`)).status).toBe(204);
    expect((await t.viewer.post("/api/views", view)).status).toBe(201);
  });
});

describe("/api/views/alerts", () => {
  const alertView = {
    name: "Critical here",
    params: { priority: "Critical,High", q: "disk" },
    group: "site",
  };

  it("saves alert-queue views per person, apart from device views, deletable like them", async () => {
    const t = await setup();
    const created = await t.viewer.post("/api/views/alerts", alertView);
    expect(created.status).toBe(201);
    const saved = (await created.json()) as AlertSavedView;
    expect(saved).toMatchObject({ ...alertView, createdAt: t.clock.now() });

    const mine = await t.viewer.getJson<AlertSavedViewList>("/api/views/alerts");
    expect(mine.views).toEqual([saved]);
    // Not a device view, and nobody else's.
    expect((await t.viewer.getJson<SavedViewList>("/api/views")).views).toEqual([]);
    expect((await t.viewer2.getJson<AlertSavedViewList>("/api/views/alerts")).views).toEqual([]);
    expect((await t.viewer2.delete(`/api/views/${saved.id}`)).status).toBe(404);

    // The same person in another browser (a new session) has it too.
    const elsewhere = await t.signIn("viewer");
    expect((await elsewhere.getJson<AlertSavedViewList>("/api/views/alerts")).views).toEqual([
      saved,
    ]);
    expect((await elsewhere.delete(`/api/views/${saved.id}`)).status).toBe(204);
    expect((await t.viewer.getJson<AlertSavedViewList>("/api/views/alerts")).views).toEqual([]);
  });

  it("refuses parameters the queue would not take, naming them", async () => {
    const t = await setup();
    for (const [params, message] of [
      [{ priority: "Severe" }, "priority must be some of"],
      [{ offset: "10" }, "offset is not a queue filter"],
      [{ sort: "colour" }, "sort must be one of"],
    ] as const) {
      const res = await t.viewer.post("/api/views/alerts", { ...alertView, params });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
    }
    const badGroup = await t.viewer.post("/api/views/alerts", { ...alertView, group: "colour" });
    expect(badGroup.status).toBe(400);
  });

  it("counts alert and device views together against the per-person limit", async () => {
    const t = await setup();
    for (let i = 0; i < MAX_VIEWS_PER_PERSON - 1; i++) {
      const json = { name: `v${i}`, query: {}, columns: [] };
      expect((await t.viewer.post("/api/views", json)).status).toBe(201);
    }
    expect((await t.viewer.post("/api/views/alerts", alertView)).status).toBe(201);
    const over = await t.viewer.post("/api/views/alerts", alertView);
    expect(over.status).toBe(409);
    expect((await t.viewer.post("/api/views", view)).status).toBe(409);
  });
});
