import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HealthSchema } from "./contract/health";
import { createApp } from "./app";
import { createTestApp, type TestApp } from "./testing/create-test-app";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe("the composed app", () => {
  it("answers unknown API routes with a JSON 404 a person can read", async () => {
    t = await createTestApp({ syncFleet: false });
    const response = await t.app.request("/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No API route GET /api/no-such-thing." },
    });
  });

  it("reports demo mode and a healthy upstream without any secret", async () => {
    t = await createTestApp();
    const response = await t.app.request("/api/health");
    const body = HealthSchema.parse(await response.json());
    expect(body.mode).toBe("demo");
    expect(body.upstream.state).toBe("ok");
    expect(body.token.requests).toBe(1);
    const text = JSON.stringify(body);
    expect(text).not.toContain(t.sim.credentials.apiSecret);
    expect(text).not.toContain(t.sim.credentials.apiKey);
  });

  it("serves the fleet to a signed-in viewer and refuses anonymous callers", async () => {
    t = await createTestApp({ devices: 30 });
    expect((await t.request("/api/devices")).status).toBe(401);
    const viewer = await t.signIn("viewer");
    const response = await viewer.request("/api/devices?limit=5");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const csv = await viewer.request("/api/devices/export.csv");
    expect(csv.headers.get("cache-control")).toBe("no-store");
    await csv.text();
    const body = (await response.json()) as { total: number; rows: unknown[] };
    expect(body.total).toBe(t.sim.tenant.listDevices().length);
    expect(body.rows).toHaveLength(5);
  });

  it("refuses a uid that is not a Datto uid before any call to Datto, at no cost", async () => {
    t = await createTestApp({ syncFleet: false, env: { PERSON_DATTO_REQUESTS_PER_MINUTE: "2" } });
    const viewer = await t.signIn("viewer");
    t.sim.control.resetCounters();
    for (const uid of ["a.b", "x%2F..%2Fsystem", "a.b", "a.b"]) {
      const response = await viewer.request(`/api/devices/${uid}/software`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("not a Datto uid");
    }
    expect(t.sim.control.counters().total).toBe(0);
    // Four refused requests spent nothing of an allowance of two.
    const uid = t.sim.tenant.listDevices()[0]!.uid;
    const first = viewer.request(`/api/devices/${uid}/alerts`);
    expect((await t.settle(first)).status).toBe(200);
  });

  it("limits how many Datto-calling requests one person makes a minute, not the others", async () => {
    t = await createTestApp({ devices: 10 });
    const uid = t.sim.tenant.listDevices()[0]!.uid;
    const viewer = (await t.signIn("viewer")).cookie;
    const technician = (await t.signIn("technician")).cookie;
    const ask = (cookie: string) => t.request(`/api/devices/${uid}/alerts`, { cookie });

    for (let i = 0; i < 120; i++) expect((await ask(viewer)).status).toBe(200);
    const refused = await ask(viewer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toMatchObject({ error: { code: "too_many_requests" } });
    // The index-backed list costs Datto nothing and stays open; so does everyone else.
    expect((await t.request("/api/devices?limit=1", { cookie: viewer })).status).toBe(200);
    expect((await ask(technician)).status).toBe(200);

    await t.clock.advance(60_000);
    expect((await ask(viewer)).status).toBe(200);
  });

  it("keeps a viewer out of the admin routes", async () => {
    t = await createTestApp({ syncFleet: false });
    const viewer = await t.signIn("viewer");
    expect((await viewer.request("/api/users")).status).toBe(403);
  });

  it("refuses a cross-site write before it reaches a route", async () => {
    t = await createTestApp({ syncFleet: false });
    const response = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "sec-fetch-site": "cross-site",
        origin: "https://evil.example",
      },
      body: JSON.stringify({ username: "admin", password: "demo" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a request body over 256 KB with a JSON 413, declared or streamed", async () => {
    t = await createTestApp({ syncFleet: false });
    const huge = JSON.stringify({ username: "admin", password: "x".repeat(300 * 1024) });
    const expected = {
      error: {
        code: "too_large",
        message: "The request body is over the 256 KB limit; send less.",
      },
    };
    const declared = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(huge.length) },
      body: huge,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(expected);
    const bytes = new TextEncoder().encode(huge);
    const streamed = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) {
            controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          }
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual(expected);
    // A body under the limit still reaches the route.
    expect((await t.signIn("admin")).cookie).toMatch(/^rmmdeck_session=/);
  });

  it("serves the SPA for client routes and a strict CSP, but never for /api", async () => {
    t = await createTestApp({ syncFleet: false });
    const spaRoot = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-spa-"));
    try {
      writeFileSync(path.join(spaRoot, "index.html"), "<!doctype html><title>RMM Deck</title>");
      const app = createApp({ ...t.services, spaRoot });
      const page = await app.request("/devices/abc?tab=software");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>RMM Deck</title>");
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect((await app.request("/api/devices/abc/nope")).headers.get("content-type")).toContain(
        "json",
      );
      expect((await app.request("/assets/missing.js")).status).toBe(404);
    } finally {
      rmSync(spaRoot, { recursive: true, force: true });
    }
  });
});
