import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../contract/users";
import type { CreatedWallToken, WallSummary, WallTokenList } from "../contract/wall";
import type { TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ devices: 40, seed: 3 });

async function createWall(t: TestApp, name = "NOC", extra: object = {}) {
  const admin = await t.signIn("admin");
  const res = await admin.post("/api/wall-tokens", { name, ...extra });
  expect(res.status).toBe(201);
  const created = (await res.json()) as CreatedWallToken;
  const token = new URL(created.url).hash.replace(/^#token=/, "");
  return { admin, created, token };
}

// Not settled on the clock: the summary waits for nothing (no Datto read), and letting the clock
// run while the store answers would age the alert queue's poll.
const asWall = (t: TestApp, token: string, path = "/api/wall/summary") =>
  t.request(path, { headers: { authorization: `Bearer ${token}` } });

describe("wall tokens", () => {
  it("are made by admins, shown once in the wall's URL, and listed without the token", async () => {
    const t = await testApp();
    const { admin, created, token } = await createWall(t, " Lobby ", {
      layout: "all",
      rotateSeconds: 45,
    });
    expect(created.url).toMatch(/^http:\/\/localhost\/wall#token=rmmd_wall_[A-Za-z0-9_-]{43}$/);
    expect(created.wall).toMatchObject({
      name: "Lobby",
      layout: "all",
      rotateSeconds: 45,
      createdBy: "admin",
      lastUsedAt: null,
    });
    const list = await admin.getJson<WallTokenList>("/api/wall-tokens");
    expect(list.walls).toEqual([created.wall]);
    expect(JSON.stringify(list)).not.toContain(token);

    const res = await asWall(t, token);
    expect(res.status).toBe(200);
    const summary = (await res.json()) as WallSummary;
    expect(summary.wall).toEqual({ name: "Lobby", layout: "all", rotateSeconds: 45 });
    const listed = await admin.getJson<WallTokenList>("/api/wall-tokens");
    expect(listed.walls[0]?.lastUsedAt).toBe(t.clock.now());

    const events = await t.store.events.list({ limit: 10 });
    expect(events.map((e: AuditEvent) => e.kind)).toContain("wall_token.created");
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("reads the wall summary and nothing else", async () => {
    const t = await testApp();
    const { token, created } = await createWall(t);
    const device = t.fleet.snapshot().devices[0]!;
    for (const path of [
      "/api/devices",
      `/api/devices/${device.uid}`,
      "/api/sites",
      "/api/users",
      "/api/wall-tokens",
      "/api/events",
    ]) {
      expect((await asWall(t, token, path)).status, path).toBe(403);
    }
    expect((await asWall(t, token, "/api/me")).status).toBe(403);
    const write = await t.request(`/api/wall-tokens/${created.wall.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(write.status).toBe(403);
    // A made-up token of the right shape is nobody.
    expect((await asWall(t, `rmmd_wall_${"A".repeat(43)}`)).status).toBe(401);
  });

  it("refuses people without the admin role", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    expect((await tech.post("/api/wall-tokens", { name: "x" })).status).toBe(403);
    expect((await tech.request("/api/wall-tokens")).status).toBe(403);
    // Every person may preview the wall itself.
    expect((await tech.request("/api/wall/summary")).status).toBe(200);
  });

  it("stops working on the wall's next request once revoked", async () => {
    const t = await testApp();
    const { admin, created, token } = await createWall(t);
    expect((await asWall(t, token)).status).toBe(200);
    expect((await admin.delete(`/api/wall-tokens/${created.wall.id}`)).status).toBe(204);
    const refused = await asWall(t, token);
    expect(refused.status).toBe(401);
    expect((await admin.delete(`/api/wall-tokens/${created.wall.id}`)).status).toBe(404);
    expect((await admin.getJson<WallTokenList>("/api/wall-tokens")).walls).toEqual([]);
    const kinds = (await t.store.events.list({ limit: 10 })).map((e) => e.kind);
    expect(kinds).toContain("wall_token.revoked");
  });
});

describe("the wall summary", () => {
  /**
   * One poll of the alert queue, as the server runs it every 45 s. The clock moves only while the
   * poll waits on it (pacing, retries), a second at a time, as the API fuzz drives the app:
   * t.settle would also run it while the store answers, ageing the poll on a busy machine.
   */
  async function poll(t: TestApp) {
    let done = false;
    const polled = t.services.alerts.tick().finally(() => (done = true));
    for (let turn = 1; !done; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (turn % 20 === 0 && t.clock.pendingSleepers() > 0) await t.clock.advance(1_000);
    }
    await polled;
  }

  it("is built once per refresh period for every wall, and never calls Datto", async () => {
    const t = await testApp();
    await poll(t);
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) tokens.push((await createWall(t, `Wall ${i}`)).token);
    const before = t.sim.control.counters().total;
    const buildsBefore = t.services.wallSummary.builds();
    const answers: Response[] = [];
    for (const token of tokens) answers.push(await asWall(t, token));
    expect(answers.map((r) => r.status)).toEqual(tokens.map(() => 200));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as WallSummary[];
    expect(new Set(bodies.map((b) => b.generatedAt)).size).toBe(1);
    expect(bodies[0]!.problems).toEqual([]);
    expect(t.services.wallSummary.builds() - buildsBefore).toBe(1);
    expect(t.sim.control.counters().total - before).toBe(0);

    // One period later: one more build for all of them.
    await t.clock.advance(15_000);
    for (const token of tokens) expect((await asWall(t, token)).status).toBe(200);
    expect(t.services.wallSummary.builds() - buildsBefore).toBe(2);
    expect(t.sim.control.counters().total - before).toBe(0);
  });

  it("shows what needs attention: alerts by priority, urgent ones newest first with their claims, servers, sites", async () => {
    const t = await testApp();
    await poll(t);
    const open = (await t.datto.listOpenAlerts()).data;
    const urgent = open.filter((a) => a.priority === "Critical" || a.priority === "High");
    const claimed = urgent[0]!;
    const tech = await t.signIn("technician");
    expect(
      (await tech.post(`/api/alerts/${claimed.alertUid}/claim`, { note: "on it" })).status,
    ).toBe(200);
    const { token } = await createWall(t);
    const summary = (await (await asWall(t, token)).json()) as WallSummary;
    expect(summary.healthy).toBe(true);
    expect(summary.problems).toEqual([]);
    expect(summary.refreshSeconds).toBe(15);
    expect(summary.alerts.counts.total).toBe(open.length);
    expect(summary.alerts.urgentTotal).toBe(urgent.length);
    const times = summary.alerts.urgent.map((a) => a.raisedAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(summary.alerts.urgent.find((a) => a.alertUid === claimed.alertUid)?.claimedBy).toBe(
      "technician",
    );
    const servers = t.fleet
      .snapshot()
      .devices.filter((d) => d.deviceType.category === "Server" && !d.online);
    expect(summary.offlineServers.total).toBe(servers.length);
    const scores = summary.sites.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(summary.jobFailures).toEqual({ available: true, total: 0, recent: [] });
    // Nothing proposed yet: the panel is available and says so.
    expect(summary.approvals).toMatchObject({ available: true, pending: 0, oldestAt: null });
    expect(summary.datto.readsLimit).toBe(450);
  });

  it("says it is unhealthy while Datto is down, keeps the last numbers, and recovers", async () => {
    const t = await testApp();
    await poll(t);
    const { token } = await createWall(t);
    const good = (await (await asWall(t, token)).json()) as WallSummary;
    expect(good.problems).toEqual([]);

    t.sim.control.setScenario("down");
    await t.clock.advance(60_000);
    await poll(t);
    const down = (await (await asWall(t, token)).json()) as WallSummary;
    expect(down.healthy).toBe(false);
    expect(down.problems.join(" ")).toMatch(/Datto/);
    expect(down.alerts.counts).toEqual(good.alerts.counts);
    expect(down.alerts.fetchedAt).toBe(good.alerts.fetchedAt);

    t.sim.control.setScenario("normal");
    await t.clock.advance(60_000);
    await poll(t);
    const back = (await (await asWall(t, token)).json()) as WallSummary;
    expect(back.problems).toEqual([]);
    expect(back.alerts.fetchedAt).toBeGreaterThan(good.alerts.fetchedAt!);
  });
});
