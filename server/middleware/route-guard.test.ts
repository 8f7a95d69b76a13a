import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv, PersonActor, TokenActor } from "../contract/actor";
import { ROLES, type Role } from "../contract/roles";
import { createManualClock } from "../lib/clock";
import { createGuard, ruleOf, type RouteRule } from "./route-guard";
import { createUpstreamAllowance } from "./upstream-allowance";

const person = (role: Role): PersonActor => ({
  kind: "person",
  userId: `id-${role}`,
  username: role,
  role,
  sessionId: "s",
});

/** A tiny app whose actor is set by hand, one route per rule: the guard on its own. */
function appAs(actor: PersonActor | TokenActor | null, perMinute = 100) {
  const clock = createManualClock();
  const guard = createGuard({ allowance: createUpstreamAllowance({ clock, perMinute }) });
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("actor", actor);
    await next();
  });
  const routes: Record<string, RouteRule> = {
    public: { needs: "public" },
    "signed-in": { needs: "signed-in" },
    read: { needs: "fleet:read" },
    refresh: { needs: "fleet:refresh" },
    decide: { needs: "proposals:decide" },
    users: { needs: "users:manage" },
    views: { needs: "fleet:read", peopleOnly: true },
    datto: { needs: "fleet:read", callsDatto: true },
  };
  for (const [path, rule] of Object.entries(routes)) {
    app.get(`/${path}`, ...guard(rule), (c) => c.text("ok"));
  }
  return { app, clock };
}

const status = async (app: Hono<AppEnv>, path: string) => (await app.request(path)).status;

describe("route guard", () => {
  it("answers 401 without an actor, except on public routes", async () => {
    const { app } = appAs(null);
    expect(await status(app, "/public")).toBe(200);
    for (const path of ["/signed-in", "/read", "/users"]) expect(await status(app, path)).toBe(401);
    const res = await app.request("/read");
    expect(await res.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to continue." },
    });
  });

  it.each(ROLES)(
    "lets a %s through exactly the routes its role's permissions allow",
    async (role) => {
      const { app } = appAs(person(role));
      const rank = ROLES.indexOf(role);
      expect(await status(app, "/read")).toBe(200);
      expect(await status(app, "/views")).toBe(200);
      expect(await status(app, "/refresh")).toBe(rank >= 1 ? 200 : 403);
      expect(await status(app, "/decide")).toBe(rank >= 2 ? 200 : 403);
      expect(await status(app, "/users")).toBe(rank >= 3 ? 200 : 403);
    },
  );

  it("names the role needed when refusing a person", async () => {
    const res = await appAs(person("technician")).app.request("/decide");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("an approver role or higher");
    expect(body.error.message).toContain("a technician");
    const admin = await appAs(person("approver")).app.request("/users");
    expect(await admin.text()).toContain("needs the admin role");
  });

  it("keeps agents to what their token was given, and out of people-only routes", async () => {
    const agent: TokenActor = {
      kind: "agent",
      tokenId: "a1",
      name: "triage-bot",
      granted: ["fleet:read", "proposals:decide", "users:manage"],
    };
    const { app } = appAs(agent);
    expect(await status(app, "/read")).toBe(200);
    expect(await status(app, "/refresh")).toBe(403);
    // Granted or not, an agent never decides proposals and never manages users.
    expect(await status(app, "/decide")).toBe(403);
    expect(await status(app, "/users")).toBe(403);
    expect(await status(app, "/views")).toBe(403);
    expect(await status(app, "/signed-in")).toBe(200);
  });

  it("lets a wall read nothing but public routes (its summary route comes with the wall)", async () => {
    const { app } = appAs({ kind: "wall", tokenId: "w1", name: "NOC" });
    expect(await status(app, "/public")).toBe(200);
    for (const path of ["/read", "/refresh", "/users", "/views"]) {
      expect(await status(app, path)).toBe(403);
    }
  });

  it("spends the allowance only on routes that call Datto, and says when to come back", async () => {
    const { app, clock } = appAs(person("viewer"), 2);
    expect([await status(app, "/datto"), await status(app, "/datto")]).toEqual([200, 200]);
    expect(await status(app, "/read")).toBe(200);
    const refused = await app.request("/datto");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    await clock.advance(60_000);
    expect(await status(app, "/datto")).toBe(200);
  });

  it("records each route's rule on its guard", () => {
    const guard = createGuard({
      allowance: createUpstreamAllowance({ clock: createManualClock(), perMinute: 1 }),
    });
    const rule: RouteRule = { needs: "jobs:run", callsDatto: true };
    const [check] = guard(rule);
    expect(ruleOf(check)).toBe(rule);
    expect(ruleOf(() => undefined)).toBeUndefined();
  });
});
