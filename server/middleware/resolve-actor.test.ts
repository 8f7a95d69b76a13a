import { describe, expect, it } from "vitest";
import { hashSessionToken } from "../auth/session-manager";
import type { TokenActor } from "../contract/actor";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ mode: "live", devices: 5, syncFleet: false });

const HOUR = 60 * 60_000;

describe("session lifetime", () => {
  it("ends after 8 idle hours, and activity slides the idle window", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
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
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
    const id = hashSessionToken(cookie.split("=")[1]!);
    const signedInAt = t.clock.now();
    await t.clock.advance(30_000);
    await t.request("/api/me", { cookie });
    expect((await t.store.sessions.find(id))?.lastSeenAt).toBe(signedInAt);
    await t.clock.advance(30_000);
    await t.request("/api/me", { cookie });
    expect((await t.store.sessions.find(id))?.lastSeenAt).toBe(signedInAt + 60_000);
  });

  it("ends 7 days after sign-in however busy", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
    for (let hours = 4; hours < 7 * 24; hours += 4) {
      await t.clock.advance(4 * HOUR);
      expect((await t.request("/api/me", { cookie })).status).toBe(200);
    }
    await t.clock.advance(4 * HOUR);
    expect((await t.request("/api/me", { cookie })).status).toBe(401);
  });

  it("drops ended sessions from the database at the next sign-in", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    await t.addUser("bob", "viewer");
    const alice = await t.signIn("alice");
    const aliceId = hashSessionToken(alice.cookie.split("=")[1]!);
    await t.clock.advance(8 * HOUR);
    expect(await t.store.sessions.find(aliceId)).not.toBeNull();
    await t.signIn("bob");
    expect(await t.store.sessions.find(aliceId)).toBeNull();
  });

  it("ends when the user is disabled", async () => {
    const t = await setup();
    const alice = await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
    await t.store.users.changeAccess(alice.id, { disabled: true });
    expect((await t.request("/api/me", { cookie })).status).toBe(401);
  });

  it("reflects a role change on the next request", async () => {
    const t = await setup();
    const alice = await t.addUser("alice", "viewer");
    const client = await t.signIn("alice");
    await t.store.users.changeAccess(alice.id, { role: "approver" });
    const me = await client.getJson<{ user: { role: string } }>("/api/me");
    expect(me.user.role).toBe("approver");
  });
});

describe("bearer tokens", () => {
  const wall: TokenActor = { kind: "wall", tokenId: "w1", name: "NOC" };
  const resolveToken = async (token: string) => (token === "wall-token" ? wall : null);

  it("resolves a known token to its actor and ignores the cookie beside it", async () => {
    const t = await setup({ resolveToken });
    await t.addUser("alice", "admin");
    const { cookie } = await t.signIn("alice");
    const asWall = { cookie, headers: { authorization: "Bearer wall-token" } };
    // The wall may read only its summary: the admin's cookie alongside does not lend it more.
    const users = await t.request("/api/users", asWall);
    expect(users.status).toBe(403);
    expect(await users.json()).toMatchObject({
      error: { message: "A wall token can only read the wall summary." },
    });
    expect((await t.request("/api/users", { cookie })).status).toBe(200);
  });

  it("treats an unknown or malformed token as nobody", async () => {
    const t = await setup({ resolveToken });
    for (const authorization of ["Bearer nope", "Basic d2FsbC10b2tlbg==", "Bearer"]) {
      const res = await t.request("/api/fleet/status", { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
    }
  });
});
