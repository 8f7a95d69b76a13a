import { describe, expect, it } from "vitest";
import type {
  AlertDetailResponse,
  AlertQueueResponse,
  QueueAlert,
  ResolveBatch,
  ResolveResult,
} from "../contract/alerts";
import { ApiErrorSchema } from "../contract/errors";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { DeviceListResponse } from "../contract/devices";
import type { TestApp } from "../testing/create-test-app";
import type { TestClient } from "../testing/test-client";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ devices: 120, seed: 5 });
const RESOLVE = "POST /v2/alert/{alertUid}/resolve";

async function polled(options: Parameters<typeof testApp>[0] = {}) {
  const t = await testApp(options);
  await t.services.alerts.tick();
  return Object.assign(t, {
    viewer: await t.signIn("viewer"),
    tech: await t.signIn("technician"),
  });
}

const calls = (t: TestApp, route: string) => t.sim.control.counters().byRoute[route] ?? 0;
const rank = ["Critical", "High", "Moderate", "Low", "Information", "Unknown"];

/** Resolves through RMM Deck's bulk route and waits for the run to end. */
async function bulk(t: TestApp & { tech: TestClient }, uids: string[]) {
  const res = await t.tech.post("/api/alerts/resolve", { uids });
  expect(res.status).toBe(202);
  const { batch } = (await res.json()) as { batch: ResolveBatch };
  let current = batch;
  await t.settle(
    (async () => {
      while (current.state === "running") {
        await new Promise((r) => setImmediate(r));
        current = (
          (await t.tech.getJson(`/api/alerts/resolve-batches/${batch.id}`)) as {
            batch: ResolveBatch;
          }
        ).batch;
      }
    })(),
  );
  return current;
}

describe("the open-alert poller", () => {
  it("lists every open alert of the account, most urgent first then newest, with counts", async () => {
    const t = await polled();
    const body = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    const open = t.sim.tenant.openAlerts();
    expect(body.total).toBe(open.length);
    expect(new Set(body.alerts.map((a) => a.alertUid))).toEqual(
      new Set(open.map((a) => a.alertUid)),
    );
    for (let i = 1; i < body.alerts.length; i++) {
      const [a, b] = [body.alerts[i - 1]!, body.alerts[i]!];
      const order = rank.indexOf(a.priority) - rank.indexOf(b.priority);
      expect(order < 0 || (order === 0 && (a.timestamp ?? 0) >= (b.timestamp ?? 0))).toBe(true);
    }
    const critical = open.filter((a) => a.priority === "Critical").length;
    expect(body.counts.Critical).toBe(critical);
    expect(body.freshness.stale).toBe(false);
    expect(body.alerts.every((a) => a.contextSummary.length > 0)).toBe(true);
  });

  it("costs one read per 250 open alerts per poll, whoever looks", async () => {
    const t = await testApp({ devices: 400, openAlerts: 1000 });
    const before = t.sim.control.counters().reads;
    await t.services.alerts.tick();
    expect(t.sim.control.counters().reads - before).toBe(4);
    const viewers = await Promise.all([t.signIn("viewer"), t.signIn("technician")]);
    const afterPoll = t.sim.control.counters().reads;
    for (const v of viewers) {
      for (let i = 0; i < 5; i++) await v.getJson("/api/alerts?priority=Critical,High");
    }
    expect(t.sim.control.counters().reads).toBe(afterPoll);
  });

  it("feeds the fleet index's per-device counts from the same list", async () => {
    const t = await polled();
    const open = t.sim.tenant.openAlerts();
    const byDevice = new Map<string, number>();
    for (const a of open) {
      const uid = a.alertSourceInfo!.deviceUid!;
      byDevice.set(uid, (byDevice.get(uid) ?? 0) + 1);
    }
    const [uid, count] = [...byDevice].find(([, n]) => n > 0)!;
    const first = t.sim.tenant.openAlerts().find((a) => a.alertSourceInfo?.deviceUid === uid)!;
    // Resolved outside RMM Deck: the next poll lowers the device's count.
    await t.datto.resolveAlert(first.alertUid);
    await t.services.alerts.tick();
    const devices = await t.viewer.getJson<DeviceListResponse>(`/api/devices?limit=500`);
    expect(devices.rows.find((d) => d.uid === uid)!.openAlerts.total).toBe(count - 1);
  });

  it("moves an alert resolved outside RMM Deck to recently resolved, with Datto's resolver", async () => {
    const t = await polled();
    const target = t.sim.tenant.openAlerts()[0]!;
    await t.datto.resolveAlert(target.alertUid);
    await t.services.alerts.tick();
    const open = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    expect(open.alerts.some((a) => a.alertUid === target.alertUid)).toBe(false);
    const resolved = await t.viewer.getJson<AlertQueueResponse>("/api/alerts?state=resolved");
    expect(resolved.alerts[0]).toMatchObject({
      alertUid: target.alertUid,
      resolved: true,
      resolution: { via: "datto", by: "rmm-deck-api" },
    });
    expect((await t.services.alerts.recentlyResolved()).map((a) => a.alertUid)).toEqual([
      target.alertUid,
    ]);
  });

  it("keeps the last list and says it is stale when a poll fails", async () => {
    const t = await polled();
    const before = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    t.sim.control.setScenario("down");
    await t.settle(t.services.alerts.tick());
    const after = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    expect(after.total).toBe(before.total);
    expect(after.freshness.stale).toBe(true);
    expect(after.freshness.reason).toMatch(/failed/);
  });
});

describe("GET /api/alerts filters", () => {
  it("filters by priority, site, device, class, age, claim and free text", async () => {
    const t = await polled();
    const all = (await t.viewer.getJson<AlertQueueResponse>("/api/alerts")).alerts;
    const get = (q: string) => t.viewer.getJson<AlertQueueResponse>(`/api/alerts?${q}`);
    const pick = all[0]!;

    const high = await get("priority=Critical,High");
    expect(high.alerts.every((a) => a.priority === "Critical" || a.priority === "High")).toBe(true);
    expect(high.total).toBe(all.filter((a) => ["Critical", "High"].includes(a.priority)).length);
    // Counts per priority ignore the priority filter, so the chips say what each would show.
    expect(high.counts.Low).toBe(all.filter((a) => a.priority === "Low").length);

    const site = await get(`siteUid=${pick.siteUid}`);
    expect(site.total).toBe(all.filter((a) => a.siteUid === pick.siteUid).length);
    const device = await get(`deviceUid=${pick.deviceUid}`);
    expect(device.alerts.every((a) => a.deviceUid === pick.deviceUid)).toBe(true);
    const klass = await get(`class=${pick.contextClass}`);
    expect(klass.total).toBe(all.filter((a) => a.contextClass === pick.contextClass).length);
    expect(klass.classes).toContain(pick.contextClass);

    const now = t.clock.now();
    const old = await get("minAgeHours=24");
    expect(old.total).toBe(all.filter((a) => now - (a.timestamp ?? now) >= 24 * 3_600_000).length);

    const word = pick.deviceName!;
    const text = await get(`q=${encodeURIComponent(word.toLowerCase())}`);
    expect(text.alerts.map((a) => a.alertUid)).toContain(pick.alertUid);
    const none = await get(`q=${encodeURIComponent(`${word} zzqqxx-nothing`)}`);
    expect(none.total).toBe(0);

    await t.tech.post(`/api/alerts/${pick.alertUid}/claim`, { note: "looking" });
    const tech = await t.tech.getJson<AlertQueueResponse>("/api/alerts?claimed=mine");
    expect(tech.alerts.map((a) => a.alertUid)).toEqual([pick.alertUid]);
    expect((await get("claimed=yes")).total).toBe(1);
    expect((await get("claimed=mine")).total).toBe(0);
    expect((await get("claimed=no")).total).toBe(all.length - 1);
    expect((await get("q=looking")).alerts.map((a) => a.alertUid)).toEqual([pick.alertUid]);

    const sorted = await get("sort=device&dir=asc");
    const names = sorted.alerts.map((a) => (a.deviceName ?? "").toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("refuses bad filters with a message naming them", async () => {
    const t = await polled();
    for (const q of [
      "priority=Severe",
      "claimed=maybe",
      "sort=colour",
      "minAgeHours=-1",
      "state=muted",
    ]) {
      const res = await t.viewer.request(`/api/alerts?${q}`);
      expect(res.status, q).toBe(400);
      expect(ApiErrorSchema.parse(await res.json()).error.message.length).toBeGreaterThan(0);
    }
  });

  it("exports the filtered queue as CSV with formula-looking text neutralised", async () => {
    const t = await polled();
    const res = await t.viewer.request("/api/alerts/export.csv?priority=Critical");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^"Priority","Raised","Device"/);
    const critical = t.sim.tenant.openAlerts().filter((a) => a.priority === "Critical").length;
    expect(lines.length - 1).toBe(critical);
  });
});

describe("GET /api/alerts/:uid", () => {
  it("answers the detail: diagnostics, every context field, the device and its other alerts", async () => {
    const t = await polled();
    const open = t.sim.tenant.openAlerts();
    const busy = open.find(
      (a) =>
        open.filter((b) => b.alertSourceInfo?.deviceUid === a.alertSourceInfo?.deviceUid).length >
        1,
    )!;
    const reads = t.sim.control.counters().reads;
    const body = await t.viewer.getJson<AlertDetailResponse>(`/api/alerts/${busy.alertUid}`);
    expect(t.sim.control.counters().reads).toBe(reads);
    expect(body.alert.diagnostics).toBe(busy.diagnostics ?? null);
    const ctx = busy.alertContext as Record<string, unknown>;
    expect(body.alert.contextFields.map((f) => f.key)).toEqual(
      Object.keys(ctx).filter((k) => k !== "@class"),
    );
    expect(body.device?.uid).toBe(busy.alertSourceInfo?.deviceUid);
    expect(body.otherAlerts.length).toBeGreaterThan(0);
    expect(body.otherAlerts.every((a) => a.deviceUid === body.device?.uid)).toBe(true);
  });

  it("reads a resolved alert from Datto, and answers 404 for an unknown one", async () => {
    const t = await polled();
    const resolved = t.sim.tenant.resolvedAlerts()[0]!;
    const body = await t.viewer.getJson<AlertDetailResponse>(`/api/alerts/${resolved.alertUid}`);
    expect(body.alert.resolved).toBe(true);
    expect((await t.viewer.request("/api/alerts/0000dead-beef")).status).toBe(404);
    expect((await t.viewer.request("/api/alerts/..%2Fsite")).status).toBe(400);
  });
});

describe("resolving", () => {
  it("resolves one alert for a technician; a viewer may not", async () => {
    const t = await polled();
    const target = t.sim.tenant.openAlerts()[0]!;
    const denied = await t.viewer.post(`/api/alerts/${target.alertUid}/resolve`);
    expect(denied.status).toBe(403);
    const res = await t.tech.post(`/api/alerts/${target.alertUid}/resolve`);
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: ResolveResult };
    expect(result.status).toBe("resolved");
    expect(t.sim.tenant.getAlert(target.alertUid)?.resolved).toBe(true);
    // At once, not only after the next poll; and with who did it.
    const open = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    expect(open.alerts.some((a) => a.alertUid === target.alertUid)).toBe(false);
    const resolved = await t.viewer.getJson<AlertQueueResponse>("/api/alerts?state=resolved");
    expect(resolved.alerts[0]?.resolution).toMatchObject({ via: "deck", by: "technician" });
    await t.services.alerts.tick();
    const still = await t.viewer.getJson<AlertQueueResponse>("/api/alerts?state=resolved");
    expect(still.alerts[0]?.resolution).toMatchObject({ via: "deck", by: "technician" });
    const events = await t.store.events.list({ limit: 5 });
    expect(events.find((e) => e.kind === "alert.resolved")).toMatchObject({
      target: target.alertUid,
      actor: "technician",
    });
  });

  it("answers a clear message for an already resolved or unknown alert, and never sends a malformed uid", async () => {
    const t = await polled();
    const target = t.sim.tenant.openAlerts()[0]!;
    await t.tech.post(`/api/alerts/${target.alertUid}/resolve`);
    const again = await t.tech.post(`/api/alerts/${target.alertUid}/resolve`);
    const { result } = (await again.json()) as { result: ResolveResult };
    expect(result).toMatchObject({ status: "already-resolved" });
    expect(result.message).toMatch(/Already resolved by technician/);
    const unknown = await t.tech.post("/api/alerts/0000dead-beef/resolve");
    expect(((await unknown.json()) as { result: ResolveResult }).result.status).toBe("not-found");
    const writes = calls(t, RESOLVE);
    const bad = await t.tech.post("/api/alerts/resolve", { uids: ["ok-uid", "../../v2/site"] });
    expect(bad.status).toBe(400);
    expect(calls(t, RESOLVE)).toBe(writes);
  });

  it("makes one call to Datto when two technicians resolve the same alert at once", async () => {
    const t = await polled();
    await t.addUser("tech2", "technician");
    const other = await t.signIn("tech2");
    const target = t.sim.tenant.openAlerts()[0]!;
    const before = calls(t, RESOLVE);
    const [a, b] = await Promise.all([
      t.tech.post(`/api/alerts/${target.alertUid}/resolve`),
      other.post(`/api/alerts/${target.alertUid}/resolve`),
    ]);
    expect(calls(t, RESOLVE) - before).toBe(1);
    const results = await Promise.all([a.json(), b.json()]);
    for (const body of results)
      expect((body as { result: ResolveResult }).result.status).toBe("resolved");
  });

  it("bulk-resolves, paced inside the alert-resolve budget of 80 a minute", async () => {
    const t = await polled({ devices: 400, openAlerts: 100 });
    const uids = t.sim.tenant.openAlerts().map((a) => a.alertUid);
    const startedAt = t.clock.now();
    const done = await bulk(t, uids);
    expect(done.state).toBe("done");
    expect(done.results.filter((r) => r.status === "resolved")).toHaveLength(100);
    expect(t.sim.tenant.openAlerts()).toHaveLength(0);
    // 80 in the first minute, the last 20 only once the window rolled on.
    expect(t.clock.now() - startedAt).toBeGreaterThanOrEqual(60_000);
    expect(t.sim.control.counters().status429).toBe(0);
  });

  it("stops cleanly on a 429, says what was and was not resolved, and retries nothing", async () => {
    let sent = 0;
    const wrapDatto = (datto: DattoApi): DattoApi => ({
      ...datto,
      async resolveAlert(uid, where) {
        sent += 1;
        if (sent === 3) {
          throw new DattoError("rate-limited", "Datto answered 429 (rate limit).", { status: 429 });
        }
        return datto.resolveAlert(uid, where);
      },
    });
    const t = await polled({ wrapDatto });
    const uids = t.sim.tenant
      .openAlerts()
      .slice(0, 6)
      .map((a) => a.alertUid);
    const done = await bulk(t, uids);
    expect(done.state).toBe("stopped");
    expect(done.results.map((r) => r.status)).toEqual([
      "resolved",
      "resolved",
      "not-sent",
      "not-sent",
      "not-sent",
      "not-sent",
    ]);
    expect(done.stopMessage).toMatch(/2 of 6 resolved/);
    expect(sent).toBe(3);
    expect(t.sim.tenant.openAlerts().filter((a) => uids.includes(a.alertUid))).toHaveLength(4);
  });

  it("shows an unknown outcome as such, sends it once, and lets the next poll settle it", async () => {
    let sent = 0;
    const wrapDatto = (datto: DattoApi): DattoApi => ({
      ...datto,
      async resolveAlert(uid, where) {
        sent += 1;
        await datto.resolveAlert(uid, where);
        throw new DattoError("timeout", "No answer from Datto in time.", { outcomeUnknown: true });
      },
    });
    const t = await polled({ wrapDatto });
    const target = t.sim.tenant.openAlerts()[0]!;
    const res = await t.tech.post(`/api/alerts/${target.alertUid}/resolve`);
    const { result } = (await res.json()) as { result: ResolveResult };
    expect(result.status).toBe("outcome-unknown");
    const open = await t.viewer.getJson<AlertQueueResponse>("/api/alerts");
    expect(open.alerts.find((a) => a.alertUid === target.alertUid)?.resolveOutcome).toBe("unknown");
    await t.services.alerts.tick();
    const resolved = await t.viewer.getJson<AlertQueueResponse>("/api/alerts?state=resolved");
    expect(resolved.alerts.find((a) => a.alertUid === target.alertUid)?.resolution).toMatchObject({
      via: "deck",
      by: "technician",
    });
    expect(sent).toBe(1);
  });
});

describe("claims", () => {
  it("first claim wins, the second is told who has it; the holder may change the note; anyone may release", async () => {
    const t = await polled();
    await t.addUser("tech2", "technician");
    const other = await t.signIn("tech2");
    const uid = t.sim.tenant.openAlerts()[0]!.alertUid;
    const [a, b] = await Promise.all([
      t.tech.post(`/api/alerts/${uid}/claim`, { note: "rebooting it" }),
      other.post(`/api/alerts/${uid}/claim`, {}),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 409 ? "tech2" : "technician";
    expect(ApiErrorSchema.parse(await loser.json()).error.message).toMatch(
      new RegExp(`^${winner} has claimed this alert`),
    );
    const viewerSees = await t.viewer.getJson<AlertQueueResponse>("/api/alerts?claimed=yes");
    expect(viewerSees.alerts.map((x: QueueAlert) => x.claim?.by)).toEqual([winner]);

    expect((await t.viewer.post(`/api/alerts/${uid}/claim`, {})).status).toBe(403);
    const released = await (winner === "technician" ? other : t.tech).delete(
      `/api/alerts/${uid}/claim`,
    );
    expect(released.status).toBe(204);
    expect((await t.tech.delete(`/api/alerts/${uid}/claim`)).status).toBe(404);
    const kinds = (await t.store.events.list({ limit: 10 })).map((e) => e.kind);
    expect(kinds).toContain("alert.claimed");
    expect(kinds).toContain("alert.released");

    expect((await t.tech.post(`/api/alerts/${uid}/claim`, { note: "one" })).status).toBe(200);
    const again = await t.tech.post(`/api/alerts/${uid}/claim`, { note: "two" });
    expect(((await again.json()) as { claim: { note: string } }).claim.note).toBe("two");
  });

  it("refuses a claim on an alert that is not open", async () => {
    const t = await polled();
    const res = await t.tech.post("/api/alerts/0000dead-beef/claim", {});
    expect(res.status).toBe(404);
  });
});
