import { describe, expect, it } from "vitest";
import type { TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/**
 * The per-address sign-in limit (20 failures in 15 minutes) behind a reverse proxy, through the
 * real app: every request arrives from the proxy's socket address, the client's is in
 * X-Forwarded-For. TRUSTED_PROXIES decides whether that header is believed.
 */
const setup = testAppsClosedAfterEach({ mode: "live", devices: 5, syncFleet: false });

const PROXY = "10.0.0.7";
const MALLORY = "203.0.113.5";
const ALICE = "198.51.100.23";

const login = (t: TestApp, who: string, username: string, password: string, from = PROXY) =>
  t.request("/api/auth/login", {
    method: "POST",
    json: { username, password },
    ip: from,
    headers: { "x-forwarded-for": who },
  });

/** One client behind the proxy fails 20 sign-ins (other usernames each time). */
async function guessTwentyTimes(t: TestApp) {
  for (let i = 0; i < 20; i++) {
    expect((await login(t, MALLORY, `guess${i}`, "wrong")).status).toBe(401);
  }
  expect((await login(t, MALLORY, "alice", "correct horse battery")).status).toBe(429);
}

describe("sign-in limit per address behind a reverse proxy", () => {
  it("counts each client apart when the proxy is trusted", async () => {
    const t = await setup({ env: { TRUSTED_PROXIES: "10.0.0.0/8" } });
    await t.addUser("alice", "viewer");
    await guessTwentyTimes(t);
    expect((await login(t, ALICE, "alice", "correct horse battery")).status).toBe(200);
    // The event log records the client's address, not the proxy's.
    const [event] = await t.store.events.list({ limit: 1 });
    expect(event).toMatchObject({ kind: "auth.login", detail: { ip: ALICE } });
  });

  it("lets a client that is not a trusted proxy claim no address of its own", async () => {
    const t = await setup({ env: { TRUSTED_PROXIES: "10.0.0.0/8" } });
    await t.addUser("alice", "viewer");
    for (let i = 0; i < 20; i++) {
      expect((await login(t, `192.0.2.${i}`, `guess${i}`, "wrong", MALLORY)).status).toBe(401);
    }
    // A new X-Forwarded-For every time, straight from one socket: still one address.
    expect((await login(t, ALICE, "alice", "correct horse battery", MALLORY)).status).toBe(429);
  });

  it("counts everyone behind the proxy as one address without TRUSTED_PROXIES", async () => {
    const t = await setup();
    await t.addUser("alice", "viewer");
    await guessTwentyTimes(t);
    expect((await login(t, ALICE, "alice", "correct horse battery")).status).toBe(429);
  });
});
