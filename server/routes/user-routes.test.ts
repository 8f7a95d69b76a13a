import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runUserCli } from "../cli/user";
import type { User } from "../contract/users";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** A live-mode app with one user per role, and the admin (root) signed in. */
const testApp = testAppsClosedAfterEach({ mode: "live", devices: 5, syncFleet: false });
async function setup() {
  const t = await testApp();
  const admin = await t.addUser("root", "admin");
  for (const role of ["viewer", "technician", "approver"] as const) await t.addUser(role, role);
  const { cookie } = await t.signIn("root");
  return { ...t, admin, cookie };
}

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe("/api/users roles", () => {
  it("is admin-only: 401 signed out, 403 for viewer, technician and approver", async () => {
    const t = await setup();
    expect((await t.request("/api/users")).status).toBe(401);
    for (const role of ["viewer", "technician", "approver"]) {
      const { cookie } = await t.signIn(role);
      const list = await t.request("/api/users", { cookie });
      expect(list.status).toBe(403);
      expect((await errorOf(list)).message).toContain("admin");
      const create = await t.request("/api/users", {
        method: "POST",
        cookie,
        json: { username: "x1", password: "long enough", role: "admin" },
      });
      expect(create.status).toBe(403);
    }
    expect(await t.store.users.findByUsername("x1")).toBeNull();
    expect((await t.request("/api/users", { cookie: t.cookie })).status).toBe(200);
  });
});

describe("/api/users admin flows", () => {
  it("lists users without password hashes", async () => {
    const t = await setup();
    const res = await t.request("/api/users", { cookie: t.cookie });
    const users = (await res.json()) as User[];
    expect(users.map((u) => u.username)).toEqual(["approver", "root", "technician", "viewer"]);
    expect(JSON.stringify(users)).not.toContain("scrypt");
  });

  it("creates a user who can then sign in, and records it", async () => {
    const t = await setup();
    const res = await t.request("/api/users", {
      method: "POST",
      cookie: t.cookie,
      json: { username: " Bob ", password: "bobs password", role: "technician" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      username: "bob",
      role: "technician",
      disabled: false,
    });
    await t.signIn("bob", "bobs password");
    const created = (await t.store.events.list({ limit: 10 })).find(
      (e) => e.kind === "user.created",
    );
    expect(created).toMatchObject({
      actor: "root",
      actorKind: "person",
      actorId: t.admin.id,
      target: "bob",
      detail: { role: "technician" },
    });
    expect(JSON.stringify(await t.store.events.list({ limit: 50 }))).not.toContain("bobs password");
  });

  it("refuses a taken username with 409 and a weak password with 400", async () => {
    const t = await setup();
    const taken = await t.request("/api/users", {
      method: "POST",
      cookie: t.cookie,
      json: { username: "Viewer", password: "long enough", role: "viewer" },
    });
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ code: "username_taken" });
    const weak = await t.request("/api/users", {
      method: "POST",
      cookie: t.cookie,
      json: { username: "carol", password: "short", role: "viewer" },
    });
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).message).toContain("at least 8 characters");
  });

  it("changes a role and records from and to", async () => {
    const t = await setup();
    const viewer = (await t.store.users.findByUsername("viewer"))!;
    const res = await t.request(`/api/users/${viewer.id}`, {
      method: "PATCH",
      cookie: t.cookie,
      json: { role: "approver" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: "approver" });
    expect((await t.store.events.list({ limit: 1 }))[0]).toMatchObject({
      actor: "root",
      kind: "user.role_changed",
      target: "viewer",
      detail: { from: "viewer", to: "approver" },
    });
  });

  it("disabling ends the user's sessions; enabling lets them back in", async () => {
    const t = await setup();
    const tech = (await t.store.users.findByUsername("technician"))!;
    const { cookie: techCookie } = await t.signIn("technician");
    const patch = (disabled: boolean) =>
      t.request(`/api/users/${tech.id}`, { method: "PATCH", cookie: t.cookie, json: { disabled } });
    expect((await patch(true)).status).toBe(200);
    expect((await t.request("/api/me", { cookie: techCookie })).status).toBe(401);
    expect((await t.store.events.list({ limit: 1 }))[0]).toMatchObject({
      kind: "user.disabled",
      target: "technician",
      detail: { sessionsRevoked: 1 },
    });
    await expect(t.signIn("technician")).rejects.toThrow("401");
    expect((await patch(false)).status).toBe(200);
    expect((await t.store.events.list({ limit: 1 }))[0]).toMatchObject({ kind: "user.enabled" });
    await t.signIn("technician");
  });

  it("refuses an empty change and an unknown user", async () => {
    const t = await setup();
    const empty = await t.request(`/api/users/${t.admin.id}`, {
      method: "PATCH",
      cookie: t.cookie,
      json: {},
    });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toContain("Nothing to change");
    const unknown = await t.request("/api/users/nope", {
      method: "PATCH",
      cookie: t.cookie,
      json: { role: "viewer" },
    });
    expect(unknown.status).toBe(404);
  });

  it("never removes the last active admin", async () => {
    const t = await setup();
    const self = (json: unknown) =>
      t.request(`/api/users/${t.admin.id}`, { method: "PATCH", cookie: t.cookie, json });
    for (const change of [{ role: "approver" }, { disabled: true }]) {
      const res = await self(change);
      expect(res.status).toBe(409);
      const error = await errorOf(res);
      expect(error.code).toBe("last_admin");
      expect(error.message).toContain("only active admin");
    }
    expect(await t.store.users.findById(t.admin.id)).toMatchObject({
      role: "admin",
      disabled: false,
    });

    // With a second admin, the first may step down.
    const approver = (await t.store.users.findByUsername("approver"))!;
    await t.request(`/api/users/${approver.id}`, {
      method: "PATCH",
      cookie: t.cookie,
      json: { role: "admin" },
    });
    expect((await self({ role: "viewer" })).status).toBe(200);
    expect((await t.request("/api/users", { cookie: t.cookie })).status).toBe(403);
  });

  it("keeps one admin when three admins remove each other at once, two in the console and one in the CLI", async () => {
    const t = await setup();
    const ann = await t.addUser("ann", "admin");
    const cat = await t.addUser("cat", "admin");
    const annClient = await t.signIn("ann");
    const patch = (cookie: string, id: string, json: unknown) =>
      t.request(`/api/users/${id}`, { method: "PATCH", cookie, json });
    const sink = { write: () => true };
    const outcomes = await Promise.all([
      patch(t.cookie, ann.id, { role: "viewer" }).then((res) => res.status),
      patch(annClient.cookie, cat.id, { disabled: true }).then((res) => res.status),
      // Another connection to the same database, as `npm run user` is another process.
      runUserCli(["set-role", "root", "viewer"], {
        env: { DATA_DIR: t.dataDir },
        stdin: new PassThrough(),
        stdout: sink,
        stderr: sink,
      }).then((code) => (code === 0 ? 200 : 409)),
    ]);
    // Whatever the order, the first two to commit succeed and the last would leave no admin.
    expect(outcomes.sort()).toEqual([200, 200, 409]);
    expect(await t.store.users.countActiveAdmins()).toBe(1);
    const changes = (await t.store.events.list({ limit: 50 })).filter((e) =>
      ["user.role_changed", "user.disabled"].includes(e.kind),
    );
    expect(changes).toHaveLength(2);
  });

  it("resets a password: the old one stops working and the user's sessions end", async () => {
    const t = await setup();
    const viewer = (await t.store.users.findByUsername("viewer"))!;
    const { cookie: viewerCookie } = await t.signIn("viewer");
    const res = await t.request(`/api/users/${viewer.id}/password`, {
      method: "POST",
      cookie: t.cookie,
      json: { password: "brand new secret" },
    });
    expect(res.status).toBe(204);
    expect((await t.request("/api/me", { cookie: viewerCookie })).status).toBe(401);
    await expect(t.signIn("viewer")).rejects.toThrow("401");
    await t.signIn("viewer", "brand new secret");
    const reset = (await t.store.events.list({ limit: 10 })).find(
      (e) => e.kind === "user.password_reset",
    )!;
    expect(reset).toMatchObject({
      actor: "root",
      target: "viewer",
      detail: { sessionsRevoked: 1 },
    });
    expect(JSON.stringify(reset)).not.toContain("brand new secret");
  });
});
