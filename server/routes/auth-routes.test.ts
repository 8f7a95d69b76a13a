import { describe, expect, it } from "vitest";
import { hashSessionToken } from "../auth/session-manager";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";
import { sessionCookieFrom, type RequestInit } from "../testing/test-client";

/** A live-mode app (no demo accounts): each test adds the users it needs. */
const setup = testAppsClosedAfterEach({ mode: "live", devices: 5, syncFleet: false });

const login = (t: TestApp, username: string, password: string, extra: RequestInit = {}) =>
  t.request("/api/auth/login", { method: "POST", json: { username, password }, ...extra });

describe("POST /api/auth/login", () => {
  it("signs in, sets an HttpOnly SameSite=Strict cookie, and /api/me answers with the user", async () => {
    const t = await setup();
    const alice = await t.addUser("alice", "technician");
    const res = await login(t, "alice", "correct horse battery");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: alice.id, username: "alice", role: "technician" },
    });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^rmmdeck_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Secure");

    const me = await t.request("/api/me", { cookie: sessionCookieFrom(res) });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: alice.id, username: "alice", role: "technician" },
    });
    expect((await t.store.users.findById(alice.id))?.lastLoginAt).toBe(t.clock.now());
    expect((await t.store.events.list({ limit: 5 }))[0]).toMatchObject({
      actor: "alice",
      kind: "auth.login",
      target: "alice",
    });
  });

  it("stores only the SHA-256 of the session id", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
    const token = cookie.split("=")[1]!;
    expect(await t.store.sessions.find(token)).toBeNull();
    expect(await t.store.sessions.find(hashSessionToken(token))).not.toBeNull();
  });

  it("marks the cookie Secure when configured", async () => {
    const t = await setup({ env: { PUBLIC_URL: "https://deck.example.com" } });
    await t.addUser("alice", "viewer");
    const res = await login(t, "alice", "correct horse battery", {
      headers: { origin: "https://deck.example.com" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("Secure");
  });

  it("accepts the username in any case", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    expect((await login(t, "  Alice ", "correct horse battery")).status).toBe(200);
  });

  it("answers a wrong password and an unknown user identically", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const wrong = await login(t, "alice", "not the password");
    const unknown = await login(t, "mallory", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const expected = {
      error: { code: "invalid_credentials", message: "Wrong username or password." },
    };
    expect(await wrong.json()).toEqual(expected);
    expect(await unknown.json()).toEqual(expected);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const failed = (await t.store.events.list({ limit: 5 })).filter(
      (e) => e.kind === "auth.login_failed",
    );
    expect(failed.map((e) => e.target)).toEqual(["(unknown)", "alice"]);
    expect(JSON.stringify(failed)).not.toContain("not the password");
  });

  it("records and logs a typed username only when it names an existing user", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    // Someone typed their password into the username box.
    expect((await login(t, "hunter2-secret", "x")).status).toBe(401);
    expect((await login(t, "ALICE", "x")).status).toBe(401);
    const failed = (await t.store.events.list({ limit: 5 })).filter(
      (e) => e.kind === "auth.login_failed",
    );
    expect(failed.map((e) => e.target)).toEqual(["alice", "(unknown)"]);
    for (let i = 0; i < 5; i++) await login(t, "hunter2-secret", "x", { ip: "198.51.100.9" });
    expect((await login(t, "hunter2-secret", "x", { ip: "198.51.100.9" })).status).toBe(429);
    const everything = JSON.stringify([await t.store.events.list({ limit: 50 }), t.logger.lines]);
    expect(everything).not.toContain("hunter2-secret");
    expect(everything).toContain("sign-in throttled");
  });

  it("refuses a disabled user with the same message", async () => {
    const t = await setup();
    const alice = await t.addUser("alice", "viewer");
    await t.store.users.changeAccess(alice.id, { disabled: true });
    const res = await login(t, "alice", "correct horse battery");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "Wrong username or password.",
    );
  });

  it("explains what is missing when the body is incomplete", async () => {
    const t = await setup();
    const res = await t.request("/api/auth/login", { method: "POST", json: { username: "alice" } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("password");
  });

  it("slows a username down after 5 failures in 15 minutes, until the window passes", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    for (let i = 0; i < 5; i++) {
      expect((await login(t, "alice", `guess ${i}`)).status).toBe(401);
      await t.clock.advance(60_000);
    }
    const locked = await login(t, "alice", "correct horse battery");
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_many_attempts");
    // The first failure leaves the 15-minute window 10 minutes from now.
    expect(body.error.message).toMatch(/Try again in 10 minutes/);
    expect(locked.headers.get("retry-after")).toBe(String(10 * 60));
    // Another address does not help: the lock is on the username.
    expect((await login(t, "alice", "correct horse battery", { ip: "198.51.100.7" })).status).toBe(
      429,
    );

    await t.clock.advance(10 * 60_000);
    expect((await login(t, "alice", "correct horse battery")).status).toBe(200);
  });

  it("counts parallel attempts still being checked, so a burst gets only 5 tries", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(t, "alice", `parallel guess ${i}`)),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await t.store.loginAttempts.failuresSince("user:alice", 0)).toHaveLength(5);
    // Settled attempts release their reservation: after the window alice may sign in.
    await t.clock.advance(15 * 60_000);
    expect((await login(t, "alice", "correct horse battery")).status).toBe(200);
  });

  it("slows an address down after 20 failures across usernames", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    for (let i = 0; i < 20; i++) {
      expect((await login(t, `user${i}`, "guess")).status).toBe(401);
    }
    expect((await login(t, "alice", "correct horse battery")).status).toBe(429);
    const other = await login(t, "alice", "correct horse battery", { ip: "198.51.100.7" });
    expect(other.status).toBe(200);
    await t.clock.advance(15 * 60_000);
    expect((await login(t, "alice", "correct horse battery")).status).toBe(200);
  });

  it("issues a new session id at every sign-in and ends the one the browser carried", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie: first } = await t.signIn("alice");
    const again = await login(t, "alice", "correct horse battery", { cookie: first });
    const second = sessionCookieFrom(again)!;
    expect(second).not.toBe(first);
    expect((await t.request("/api/me", { cookie: first })).status).toBe(401);
    expect((await t.request("/api/me", { cookie: second })).status).toBe(200);
  });

  it("keeps the browser's session when a sign-in fails or is throttled", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    await t.addUser("bob", "viewer");
    const { cookie } = await t.signIn("alice");
    expect((await login(t, "bob", "wrong", { cookie })).status).toBe(401);
    expect((await t.request("/api/me", { cookie })).status).toBe(200);
    for (let i = 0; i < 4; i++) await login(t, "bob", "wrong");
    expect((await login(t, "bob", "wrong", { cookie })).status).toBe(429);
    expect((await t.request("/api/me", { cookie })).status).toBe(200);
  });
});

describe("POST /api/auth/logout and GET /api/me", () => {
  it("logout ends the session and clears the cookie", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const { cookie } = await t.signIn("alice");
    const res = await t.request("/api/auth/logout", { method: "POST", cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/rmmdeck_session=;.*Max-Age=0/);
    expect((await t.request("/api/me", { cookie })).status).toBe(401);
    expect((await t.store.events.list({ limit: 1 }))[0]).toMatchObject({
      kind: "auth.logout",
      actor: "alice",
    });
  });

  it("logout without a session still answers 204", async () => {
    const t = await setup();
    expect((await t.request("/api/auth/logout", { method: "POST" })).status).toBe(204);
  });

  it("/api/me without a session is 401 with a message", async () => {
    const t = await setup();
    const res = await t.request("/api/me");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to continue." },
    });
    const forged = await t.request("/api/me", { cookie: "rmmdeck_session=forged" });
    expect(forged.status).toBe(401);
  });
});

describe("GET /api/auth/config", () => {
  it("lists the demo accounts in demo mode only", async () => {
    const demo = await (await (await setup({ mode: "demo" })).request("/api/auth/config")).json();
    expect(demo).toEqual({
      mode: "demo",
      demoAccounts: [
        { username: "admin", role: "admin", password: "demo" },
        { username: "approver", role: "approver", password: "demo" },
        { username: "technician", role: "technician", password: "demo" },
        { username: "viewer", role: "viewer", password: "demo" },
      ],
    });
    const live = await (await (await setup()).request("/api/auth/config")).json();
    expect(live).toEqual({ mode: "live", demoAccounts: null });
  });
});

describe("the composed /api surface", () => {
  it("refuses a cross-site sign-in before checking any password", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    const res = await login(t, "alice", "correct horse battery", {
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const textPlain = await t.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-length": "10" },
    });
    expect(textPlain.status).toBe(415);
  });

  it("sends the security headers on API answers", async () => {
    const res = await (await setup()).request("/api/auth/config");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});
