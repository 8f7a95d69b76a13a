import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createSecurityHeaders } from "./security-headers";

const build = (secure: boolean) => {
  const app = new Hono();
  app.use("*", createSecurityHeaders({ secure }));
  app.get("/api/x", (c) => c.json({}));
  return app;
};

describe("security headers", () => {
  it("sends a strict Content-Security-Policy and the other protective headers", async () => {
    const res = await build(false).request("/api/x");
    const csp = res.headers.get("content-security-policy")!;
    const directives = Object.fromEntries(
      csp.split("; ").map((d) => {
        const [name, ...values] = d.split(" ");
        return [name, values.join(" ")];
      }),
    );
    expect(directives).toMatchObject({
      "default-src": "'self'",
      "script-src": "'self'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "connect-src": "'self'",
      "frame-ancestors": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "object-src": "'none'",
    });
    expect(csp).not.toContain("unsafe");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS only when served over https", async () => {
    const res = await build(true).request("/api/x");
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
  });
});
