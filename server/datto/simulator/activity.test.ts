import { describe, expect, it } from "vitest";
import { componentByName } from "./components-catalog";
import { createTestSim, json } from "../../testing/simulator-helpers";

interface ActivityPage {
  pageDetails: {
    count: number;
    totalCount: number;
    nextPageUrl: string | null;
    prevPageUrl: string | null;
  };
  activities: Array<{
    id: string;
    date: number;
    category: string;
    action: string;
    details: string;
    entity: string;
    site: { id: number; name: string } | null;
    user: { id: number; userName: string };
    hostname: string | null;
  }>;
  error?: string;
}

/** Every activity of a query, following nextPageUrl. */
async function all(t: ReturnType<typeof createTestSim>, query: string) {
  let path: string | null = `/v2/activity-logs?${query}`;
  const out: ActivityPage["activities"] = [];
  while (path) {
    const page: ActivityPage = await json<ActivityPage>(await t.get(path));
    out.push(...page.activities);
    const next = page.pageDetails.nextPageUrl;
    path = next ? `/v2/activity-logs${new URL(next).search}` : null;
  }
  return out;
}

describe("activity logs", () => {
  it("defaults to the last 15 minutes, newest first", async () => {
    const t = createTestSim({ devices: 200 });
    await t.clock.advance(60 * 60_000);
    const page = await json<ActivityPage>(await t.get("/v2/activity-logs"));
    const now = t.clock.now() / 1000;
    expect(page.activities.length).toBeGreaterThan(0);
    expect(page.activities.every((a) => a.date >= now - 15 * 60 && a.date <= now)).toBe(true);
    const dates = page.activities.map((a) => a.date);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("walks pages with page=next and searchAfter, without repeats", async () => {
    const t = createTestSim({ devices: 200 });
    await t.clock.advance(6 * 60 * 60_000);
    const from = new Date(t.clock.now() - 5 * 3_600_000).toISOString();
    let path: string | null = `/v2/activity-logs?size=25&order=asc&from=${from}`;
    const ids: string[] = [];
    let total = 0;
    while (path) {
      const page: ActivityPage = await json<ActivityPage>(await t.get(path));
      total = page.pageDetails.totalCount;
      ids.push(...page.activities.map((a) => a.id));
      const next = page.pageDetails.nextPageUrl;
      if (next) expect(new URL(next).searchParams.get("page")).toBe("next");
      path = next ? `/v2/activity-logs${new URL(next).search}` : null;
    }
    expect(total).toBeGreaterThan(25);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it("records quick jobs created through the API", async () => {
    const t = createTestSim();
    const device = t.sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
    await t.send("PUT", `/v2/device/${device.uid}/quickjob`, {
      jobName: "From the console",
      jobComponent: { componentUid: componentByName("Flush DNS cache").uid },
    });
    const page = await json<ActivityPage>(await t.get("/v2/activity-logs?entities=device"));
    const job = page.activities.find((a) => a.category === "job");
    expect(job?.action).toBe("create");
    expect(JSON.parse(job?.details ?? "{}")).toMatchObject({ jobName: "From the console" });
    expect((await t.get("/v2/activity-logs?from=yesterday")).status).toBe(400);
  });
});

describe("activity log filters (openapi.json: GET /v2/activity-logs)", () => {
  async function busyTenant() {
    const t = createTestSim({ devices: 200 });
    await t.clock.advance(2 * 3_600_000);
    const devices = t.sim.tenant.listDevices().filter((d) => d.deviceClass === "device");
    for (const d of devices.slice(0, 3)) {
      await t.send("PUT", `/v2/device/${d.uid}/quickjob`, {
        jobName: `Job on ${d.hostname}`,
        jobComponent: { componentUid: componentByName("Flush DNS cache").uid },
      });
      await t.clock.advance(60_000);
    }
    for (const a of t.sim.tenant.openAlerts().slice(0, 2)) {
      await t.send("POST", `/v2/alert/${a.alertUid}/resolve`);
    }
    const from = new Date(t.clock.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    return { t, devices, from, window: `from=${from}&size=100` };
  }

  it("honours categories, actions and entities (comma lists, any case)", async () => {
    const { t, window } = await busyTenant();
    const jobs = await all(t, `${window}&categories=JOB`);
    expect(jobs).toHaveLength(3);
    expect(jobs.every((a) => a.category === "job" && a.action === "create")).toBe(true);
    const both = await all(t, `${window}&categories=job,alert`);
    expect(both).toHaveLength(5);
    const logins = await all(t, `${window}&actions=login`);
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((a) => a.entity === "USER")).toBe(true);
    const devices = await all(t, `${window}&entities=device`);
    expect(devices.every((a) => a.entity === "DEVICE")).toBe(true);
    const everything = await all(t, window);
    expect(everything.length).toBe(
      devices.length + (await all(t, `${window}&entities=user`)).length,
    );
    expect((await t.get("/v2/activity-logs?entities=robot")).status).toBe(400);
  });

  it("honours from and until, and orders oldest or newest first", async () => {
    const { t, window, from } = await busyTenant();
    const until = new Date(t.clock.now() - 30 * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
    const asc = await all(t, `${window}&until=${until}&order=asc`);
    const dates = asc.map((a) => a.date);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(dates[0]!).toBeGreaterThanOrEqual(Date.parse(from) / 1000);
    expect(dates[dates.length - 1]!).toBeLessThanOrEqual(Date.parse(until) / 1000);
    const desc = await all(t, `${window}&until=${until}&order=desc`);
    expect(desc.map((a) => a.id)).toEqual(asc.map((a) => a.id).reverse());
    expect((await t.get(`/v2/activity-logs?order=sideways`)).status).toBe(400);
  });

  it("honours siteIds and userIds", async () => {
    const { t, window, devices } = await busyTenant();
    const site = t.sim.tenant.listSites().find((s) => s.uid === devices[0]!.siteUid)!;
    const inSite = await all(t, `${window}&siteIds=${site.id}`);
    expect(inSite.length).toBeGreaterThan(0);
    expect(inSite.every((a) => a.site?.id === site.id)).toBe(true);
    const everything = await all(t, window);
    const user = everything.find((a) => a.entity === "USER")!.user;
    const byUser = await all(t, `${window}&userIds=${user.id},999999`);
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((a) => a.user.id === user.id)).toBe(true);
    expect((await t.get("/v2/activity-logs?siteIds=abc")).status).toBe(400);
  });

  it("honours searchQuery: words, field : value, data.<key>, wildcards, AND, OR, NOT", async () => {
    const { t, window, devices } = await busyTenant();
    const host = devices[1]!.hostname;
    const q = (query: string) => all(t, `${window}&searchQuery=${encodeURIComponent(query)}`);
    const byHost = await q(`device.hostname : "${host}" AND category : job`);
    expect(byHost.map((a) => a.hostname)).toEqual([host]);
    expect((await q(`data.jobName : "Job on ${host}"`)).map((a) => a.hostname)).toEqual([host]);
    const wildcard = await q("category : jo* AND NOT hostname : " + host);
    expect(wildcard).toHaveLength(2);
    const either = await q("category : job OR category : alert");
    expect(either).toHaveLength(5);
    expect((await q("login")).every((a) => a.action === "login")).toBe(true);
    const broken = await json<ActivityPage>(
      await t.get(`/v2/activity-logs?searchQuery=${encodeURIComponent('category : "job')}`),
    );
    expect(broken.activities).toEqual([]);
    expect(broken.error).toMatch(/search query/);
  });

  it("pages back with page=previous to the page before, using the searchAfter cursor", async () => {
    const { t, from } = await busyTenant();
    const first = await json<ActivityPage>(await t.get(`/v2/activity-logs?from=${from}&size=10`));
    const nextUrl = new URL(first.pageDetails.nextPageUrl!);
    expect(nextUrl.searchParams.get("searchAfter")).toMatch(/^\d+,[0-9a-f-]{36}$/);
    const second = await json<ActivityPage>(await t.get(`/v2/activity-logs${nextUrl.search}`));
    expect(second.activities.map((a) => a.id)).not.toContain(first.activities[0]!.id);
    const prevUrl = new URL(second.pageDetails.prevPageUrl!);
    const back = await json<ActivityPage>(await t.get(`/v2/activity-logs${prevUrl.search}`));
    expect(back.activities.map((a) => a.id)).toEqual(first.activities.map((a) => a.id));
  });
});
