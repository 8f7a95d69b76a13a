import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { noStore } from "./no-store";

describe("no-store on API answers", () => {
  const app = new Hono()
    .use("*", noStore)
    .get("/json", (c) => c.json({ ok: true }))
    .get("/csv", (c) => c.body("a,b\r\n", 200, { "content-type": "text/csv" }))
    .get("/error", (c) => c.json({ error: "x" }, 404))
    .get("/own", (c) => c.body("x", 200, { "Cache-Control": "private, max-age=60" }));

  it("marks JSON, CSV and error answers no-store", async () => {
    for (const path of ["/json", "/csv", "/error"]) {
      expect((await app.request(path)).headers.get("cache-control")).toBe("no-store");
    }
  });

  it("keeps a route's own Cache-Control", async () => {
    expect((await app.request("/own")).headers.get("cache-control")).toBe("private, max-age=60");
  });
});
