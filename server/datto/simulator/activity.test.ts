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
  }>;
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
