import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AuthEnv } from "../auth/auth-env";
import { ROLES, type Role } from "../contract/roles";
import { requireRole } from "./require-role";

const appAs = (role: Role | null) => {
  const app = new Hono<AuthEnv>();
  app.use("*", async (c, next) => {
    c.set("user", role ? { id: "1", username: "u", role } : null);
    await next();
  });
  for (const minimum of ROLES) app.get(`/${minimum}`, requireRole(minimum), (c) => c.text("ok"));
  return app;
};

describe("requireRole", () => {
  it("answers 401 without a user", async () => {
    const res = await appAs(null).request("/viewer");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to continue." },
    });
  });

  it.each(ROLES)("lets a %s through exactly the routes at or below its role", async (role) => {
    const app = appAs(role);
    const statuses = await Promise.all(ROLES.map(async (m) => (await app.request(`/${m}`)).status));
    const rank = ROLES.indexOf(role);
    expect(statuses).toEqual(ROLES.map((_, i) => (i <= rank ? 200 : 403)));
  });

  it("names the role needed when refusing", async () => {
    const res = await appAs("technician").request("/approver");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("an approver role or higher");
    expect(body.error.message).toContain("a technician");
  });
});
