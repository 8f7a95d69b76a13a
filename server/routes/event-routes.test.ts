import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../contract/users";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ mode: "live", devices: 5, syncFleet: false });

describe("GET /api/events", () => {
  it("is admin-only", async () => {
    const t = await setup();
    expect((await t.request("/api/events")).status).toBe(401);
    for (const role of ["viewer", "technician", "approver"] as const) {
      await t.addUser(role, role);
      const res = await (await t.signIn(role)).request("/api/events");
      expect(res.status).toBe(403);
    }
  });

  it("lists events newest first and pages back with before", async () => {
    const t = await setup();
    const root = await t.addUser("root", "admin");
    for (let i = 0; i < 3; i++) {
      await t.store.events.append({
        actor: "root",
        actorKind: "person",
        actorId: root.id,
        kind: `test.${i}`,
        target: null,
        detail: null,
      });
      await t.clock.advance(1000);
    }
    const { cookie } = await t.signIn("root");
    const first = (await (
      await t.request("/api/events?limit=2", { cookie })
    ).json()) as AuditEvent[];
    expect(first.map((e) => e.kind)).toEqual(["auth.login", "test.2"]);
    const next = (await (
      await t.request(`/api/events?limit=10&before=${first[1]!.id}`, { cookie })
    ).json()) as AuditEvent[];
    expect(next.map((e) => e.kind)).toEqual(["test.1", "test.0"]);
  });

  it("reads a blank limit or before as not given", async () => {
    const t = await setup();
    await t.addUser("root", "admin");
    const res = await (await t.signIn("root")).request("/api/events?limit=&before=");
    expect(res.status).toBe(200);
    expect(((await res.json()) as AuditEvent[]).map((e) => e.kind)).toEqual(["auth.login"]);
  });

  it("explains a bad limit", async () => {
    const t = await setup();
    await t.addUser("root", "admin");
    const res = await (await t.signIn("root")).request("/api/events?limit=5000");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe("limit: can be at most 500.");
  });
});
