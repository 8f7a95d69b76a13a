import { afterEach, describe, expect, it } from "vitest";
import { hashSessionToken } from "../auth/session-manager";
import { createAuthTestApp } from "../auth/testing-app";

const apps: Array<ReturnType<typeof createAuthTestApp>> = [];
const setup = () => {
  const t = createAuthTestApp();
  apps.push(t);
  return t;
};
afterEach(() => apps.splice(0).forEach((t) => t.cleanup()));

const HOUR = 60 * 60_000;

describe("session lifetime", () => {
  it("ends after 8 idle hours, and activity slides the idle window", async () => {
    const t = setup();
    await t.addUser("alice", "viewer");
    const cookie = await t.signIn("alice");
    await t.clock.advance(8 * HOUR - 60_000);
    expect((await t.request("/api/me", { cookie })).status).toBe(200);
    await t.clock.advance(8 * HOUR - 60_000);
    expect((await t.request("/api/me", { cookie })).status).toBe(200);
    await t.clock.advance(8 * HOUR);
    const expired = await t.request("/api/me", { cookie });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("set-cookie")).toMatch(/rmmdeck_session=;.*Max-Age=0/);
  });

  it("writes last-seen at most once a minute", async () => {
    const t = setup();
    await t.addUser("alice", "viewer");
    const cookie = await t.signIn("alice");
    const id = hashSessionToken(cookie.split("=")[1]!);
    const signedInAt = t.clock.now();
    await t.clock.advance(30_000);
    await t.request("/api/me", { cookie });
    expect(t.store.sessions.find(id)?.lastSeenAt).toBe(signedInAt);
    await t.clock.advance(30_000);
    await t.request("/api/me", { cookie });
    expect(t.store.sessions.find(id)?.lastSeenAt).toBe(signedInAt + 60_000);
  });

  it("ends 7 days after sign-in however busy", async () => {
    const t = setup();
    await t.addUser("alice", "viewer");
    const cookie = await t.signIn("alice");
    for (let hours = 4; hours < 7 * 24; hours += 4) {
      await t.clock.advance(4 * HOUR);
      expect((await t.request("/api/me", { cookie })).status).toBe(200);
    }
    await t.clock.advance(4 * HOUR);
    expect((await t.request("/api/me", { cookie })).status).toBe(401);
  });

  it("drops ended sessions from the database at the next sign-in", async () => {
    const t = setup();
    await t.addUser("alice", "viewer");
    await t.addUser("bob", "viewer");
    const alice = await t.signIn("alice");
    const aliceId = hashSessionToken(alice.split("=")[1]!);
    await t.clock.advance(8 * HOUR);
    expect(t.store.sessions.find(aliceId)).not.toBeNull();
    await t.signIn("bob");
    expect(t.store.sessions.find(aliceId)).toBeNull();
  });

  it("ends when the user is disabled", async () => {
    const t = setup();
    const alice = await t.addUser("alice", "viewer");
    const cookie = await t.signIn("alice");
    t.store.users.update(alice.id, { disabled: true });
    expect((await t.request("/api/me", { cookie })).status).toBe(401);
  });

  it("reflects a role change on the next request", async () => {
    const t = setup();
    const alice = await t.addUser("alice", "viewer");
    const cookie = await t.signIn("alice");
    t.store.users.update(alice.id, { role: "approver" });
    const me = (await (await t.request("/api/me", { cookie })).json()) as {
      user: { role: string };
    };
    expect(me.user.role).toBe("approver");
  });
});
