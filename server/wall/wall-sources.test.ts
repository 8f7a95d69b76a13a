import { describe, expect, it } from "vitest";
import {
  createApprovalSource,
  createJobFailureSource,
  createQueueAlertSource,
  type QueueSnapshot,
} from "./wall-sources";

const queued = (uid: string, priority: string, timestamp: number, by: string | null = null) => ({
  alertUid: uid,
  priority,
  timestamp,
  contextSummary: `alert ${uid}`,
  deviceName: "SRV-1",
  siteName: "Acme",
  claim: by ? { by } : null,
});

describe("the wall's sources over the alert queue and job runs", () => {
  it("counts the queue's open alerts, lists Critical and High newest first with who claimed them", async () => {
    const snapshot: QueueSnapshot = {
      alerts: [
        queued("a", "Critical", 100, "dana"),
        queued("b", "High", 300),
        queued("c", "Moderate", 400),
        queued("d", "Unknown", 50),
      ],
      fetchedAt: 1_000,
      freshness: { stale: false, reason: null },
    };
    const reading = await createQueueAlertSource({ current: async () => snapshot }).current();
    expect(reading.counts).toEqual({
      total: 4,
      critical: 1,
      high: 1,
      moderate: 1,
      low: 0,
      information: 0,
    });
    expect(reading.urgent.map((a) => [a.alertUid, a.claimedBy])).toEqual([
      ["b", null],
      ["a", "dana"],
    ]);
    expect(reading.problem).toBeNull();
  });

  it("passes the queue's staleness on as a problem, and a failure as one too", async () => {
    const stale = await createQueueAlertSource({
      current: async () => ({
        alerts: [],
        fetchedAt: 5,
        freshness: { stale: true, reason: "Polling Datto failed; showing the last good list." },
      }),
    }).current();
    expect(stale.problem).toBe("Polling Datto failed; showing the last good list.");
    const failing = await createQueueAlertSource({
      current: () => Promise.reject(new Error("db")),
    }).current();
    expect(failing).toMatchObject({
      fetchedAt: null,
      problem: "The open alerts could not be read.",
    });
  });

  it("lists job failures newest first, one row per target", async () => {
    const failure = (runId: string, deviceUid: string, at: number) => ({
      runId,
      componentName: "Restart spooler",
      deviceUid,
      hostname: deviceUid.toUpperCase(),
      siteName: "Acme",
      at,
    });
    const source = createJobFailureSource({
      recentFailures: async () => [failure("r1", "d1", 10), failure("r1", "d2", 30)],
    });
    expect(await source.failuresSince(0)).toEqual({
      available: true,
      total: 2,
      recent: [
        { id: "r1:d2", name: "Restart spooler", deviceName: "D2", siteName: "Acme", failedAt: 30 },
        { id: "r1:d1", name: "Restart spooler", deviceName: "D1", siteName: "Acme", failedAt: 10 },
      ],
    });
  });
});

describe("the wall's source over proposals", () => {
  it("counts the pending ones and dates the oldest", async () => {
    const created = [300, 100, 200];
    const source = createApprovalSource({
      count: async () => created.length,
      list: async ({ limit }) => created.slice(0, limit).map((createdAt) => ({ createdAt })),
    });
    expect(await source.pending()).toEqual({ available: true, pending: 3, oldestAt: 100 });
    const none = createApprovalSource({ count: async () => 0, list: async () => [] });
    expect(await none.pending()).toEqual({ available: true, pending: 0, oldestAt: null });
  });
});
