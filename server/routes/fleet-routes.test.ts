import { afterEach, describe, expect, it } from "vitest";
import type { FilterListResponse, UdfLabels } from "../contract/views";
import { createFleetTestApp, type FleetTestApp } from "../fleet/testing/create-fleet-test-app";

const apps: FleetTestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.cleanup();
});

function setup() {
  const t = createFleetTestApp({ devices: 20 });
  apps.push(t);
  return t;
}

describe("GET /api/fleet/filters", () => {
  it("lists Datto's default and custom filters for the picker", async () => {
    const t = setup();
    const body = await t.getJson<FilterListResponse>("/api/fleet/filters");
    expect(body.filters.some((f) => f.type === "default")).toBe(true);
    expect(body.filters.some((f) => f.type === "custom")).toBe(true);
    expect(body.filters.find((f) => f.id === 1006)).toMatchObject({ name: "Reboot Required" });
    expect(body.freshness.stale).toBe(false);
  });
});

describe("/api/fleet/udf-labels", () => {
  it("lets admins name UDFs, records who did it, and refuses everyone else", async () => {
    const t = setup();
    expect(await t.getJson<UdfLabels>("/api/fleet/udf-labels")).toEqual({});
    const denied = await t.request("/api/fleet/udf-labels", {
      as: "technician",
      method: "PUT",
      json: { udf1: "Contract" },
    });
    expect(denied.status).toBe(403);

    const res = await t.request("/api/fleet/udf-labels", {
      as: "admin",
      method: "PUT",
      json: { udf10: " Owner ", udf1: "Contract", udf2: "" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ udf1: "Contract", udf10: "Owner" });
    expect(await t.getJson<UdfLabels>("/api/fleet/udf-labels")).toEqual({
      udf1: "Contract",
      udf10: "Owner",
    });
    const [event] = t.store.events.list({ limit: 1 });
    expect(event).toMatchObject({ actor: "admin", kind: "fleet.udf_labels_changed" });

    const bad = await t.request("/api/fleet/udf-labels", {
      as: "admin",
      method: "PUT",
      json: { udf301: "x" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("UDF keys are udf1 to udf300.");
  });
});
