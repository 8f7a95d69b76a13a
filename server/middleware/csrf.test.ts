import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createCsrfMiddleware } from "./csrf";

function createApp(publicOrigin: string | null) {
  const app = new Hono();
  app.use("/api/*", createCsrfMiddleware({ publicOrigin }));
  app.all("/api/thing", (c) => c.json({ ok: true, method: c.req.method }));
  return app;
}
/** No PUBLIC_URL: the request's own origin is the only one accepted. */
const local = createApp(null);
const behindProxy = createApp("https://deck.example.com");

const send = (method: string, headers: Record<string, string>, body?: string) =>
  local.request("http://localhost:8080/api/thing", { method, headers, body });
const json = { "content-type": "application/json" };

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(20);
}

describe("csrf middleware", () => {
  it("accepts a same-origin JSON POST", async () => {
    const res = await send(
      "POST",
      { ...json, "sec-fetch-site": "same-origin", origin: "http://localhost:8080" },
      "{}",
    );
    expect(res.status).toBe(200);
  });

  it("refuses a cross-site JSON POST", async () => {
    const res = await send(
      "POST",
      { ...json, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      "{}",
    );
    await expectRefused(res, 403, "cross_site_refused");
  });

  it("refuses same-site (a sibling subdomain) too", async () => {
    await expectRefused(
      await send("POST", { ...json, "sec-fetch-site": "same-site" }, "{}"),
      403,
      "cross_site_refused",
    );
  });

  it("refuses an Origin that is not ours even without Sec-Fetch-Site", async () => {
    await expectRefused(
      await send("PATCH", { ...json, origin: "https://evil.example" }, "{}"),
      403,
      "cross_site_refused",
    );
    await expectRefused(await send("DELETE", { origin: "null" }), 403, "cross_site_refused");
    // Same host, other port: another origin.
    await expectRefused(
      await send("POST", { ...json, origin: "http://localhost:5173" }, "{}"),
      403,
      "cross_site_refused",
    );
  });

  it("accepts the configured public origin (TLS ends at a proxy)", async () => {
    const res = await behindProxy.request("http://10.0.0.5:8080/api/thing", {
      method: "POST",
      headers: { ...json, origin: "https://deck.example.com" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const unconfigured = await send("POST", { ...json, origin: "https://deck.example.com" }, "{}");
    await expectRefused(unconfigured, 403, "cross_site_refused");
  });

  it("with a public origin configured, does not trust an origin derived from the Host header", async () => {
    // DNS rebinding or a misrouted proxy: Host and Origin both name the attacker's site.
    const res = await behindProxy.request("http://rebound.evil.example/api/thing", {
      method: "POST",
      headers: { ...json, origin: "http://rebound.evil.example" },
      body: "{}",
    });
    await expectRefused(res, 403, "cross_site_refused");
  });

  it("refuses a text/plain body, which browsers send cross-site without a preflight", async () => {
    const res = await send(
      "POST",
      { "content-type": "text/plain", "sec-fetch-site": "same-origin" },
      "{}",
    );
    await expectRefused(res, 415, "json_required");
    const form = await send("POST", { "content-type": "application/x-www-form-urlencoded" }, "a=1");
    await expectRefused(form, 415, "json_required");
  });

  it("refuses a body with no Content-Type", async () => {
    const res = await send("POST", { "content-length": "2" }, "{}");
    await expectRefused(res, 415, "json_required");
  });

  it("accepts JSON with a charset, and a POST with no body", async () => {
    const charset = await send("POST", { "content-type": "application/json; charset=utf-8" }, "{}");
    expect(charset.status).toBe(200);
    expect((await send("POST", { "content-length": "0" })).status).toBe(200);
  });

  it("lets GET, HEAD and OPTIONS through whatever their origin", async () => {
    const cross = { "sec-fetch-site": "cross-site", origin: "https://evil.example" };
    expect((await send("GET", cross)).status).toBe(200);
    expect((await send("HEAD", cross)).status).toBe(200);
    expect((await send("OPTIONS", cross)).status).toBe(200);
  });
});
