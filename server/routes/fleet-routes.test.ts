import { describe, expect, it } from "vitest";
import type { FilterListResponse, UdfLabels } from "../contract/views";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** 20 devices, no fleet sync needed; a viewer signed in. */
const testApp = testAppsClosedAfterEach({ devices: 20, seed: 7, syncFleet: false });
async function setup() {
  const t = await testApp();
  return Object.assign(t, { viewer: await t.signIn("viewer") });
}

describe("GET /api/fleet/filters", () => {
  it("lists Datto's default and custom filters for the picker", async () => {
    const t = await setup();
    const body = await t.viewer.getJson<FilterListResponse>("/api/fleet/filters");
    expect(body.filters.some((f) => f.type === "default")).toBe(true);
    expect(body.filters.some((f) => f.type === "custom")).toBe(true);
    expect(body.filters.find((f) => f.id === 1006)).toMatchObject({ name: "Reboot Required" });
    expect(body.freshness.stale).toBe(false);
  });
});

describe("/api/fleet/udf-labels", () => {
  it("lets admins name UDFs, records who did it, and refuses everyone else", async () => {
    const t = await setup();
    expect(await t.viewer.getJson<UdfLabels>("/api/fleet/udf-labels")).toEqual({});
    const technician = await t.signIn("technician");
    const denied = await technician.put("/api/fleet/udf-labels", { udf1: "Contract" });
    expect(denied.status).toBe(403);

    const admin = await t.signIn("admin");
    const res = await admin.put("/api/fleet/udf-labels", {
      udf10: " Owner ",
      udf1: "Contract",
      udf2: "",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ udf1: "Contract", udf10: "Owner" });
    expect(await t.viewer.getJson<UdfLabels>("/api/fleet/udf-labels")).toEqual({
      udf1: "Contract",
      udf10: "Owner",
    });
    const [event] = await t.store.events.list({ limit: 1 });
    expect(event).toMatchObject({ actor: "admin", kind: "fleet.udf_labels_changed" });

    const bad = await admin.put("/api/fleet/udf-labels", { udf301: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("UDF keys are udf1 to udf300.");
    // JSON.parse makes "__proto__" an own key; it is refused like any other, not dropped unseen.
    const hidden = await admin.request("/api/fleet/udf-labels", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: '{"__proto__": {"udf2": "x"}, "udf3": "Site"}',
    });
    expect(hidden.status).toBe(400);
    expect(await hidden.text()).toContain("__proto__: UDF keys are udf1 to udf300.");
    expect(await t.viewer.getJson<UdfLabels>("/api/fleet/udf-labels")).toEqual({
      udf1: "Contract",
      udf10: "Owner",
    });
  });
});
