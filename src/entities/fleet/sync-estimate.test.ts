import { describe, expect, it } from "vitest";
import type { FleetSyncStatus } from "@server/contract/sync";
import { syncEstimate } from "./sync-estimate";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const sync = (patch: Partial<FleetSyncStatus>): FleetSyncStatus => ({
  state: "syncing",
  pagesDone: 0,
  pagesTotal: null,
  devicesDone: 0,
  devicesTotal: null,
  startedAt: NOW - 60_000,
  finishedAt: null,
  lastError: null,
  ...patch,
});

describe("syncEstimate", () => {
  it("counts devices read of the account's devices, with the time left at the pace so far", () => {
    // 50 of 200 pages in a minute: three more minutes at that pace.
    const estimate = syncEstimate(
      sync({ pagesDone: 50, pagesTotal: 200, devicesDone: 12_400, devicesTotal: 50_000 }),
      NOW,
    );
    expect(estimate).toEqual({
      text: "Syncing 12,400 of 50,000 devices, about 3 min left",
      percent: 24,
    });
    expect(estimate.text).not.toMatch(/page/);
  });

  it("says seconds when seconds are left", () => {
    // 40 s in, 100 of 200 pages: about as long again.
    const text = syncEstimate(
      sync({
        startedAt: NOW - 40_000,
        pagesDone: 100,
        pagesTotal: 200,
        devicesDone: 25_000,
        devicesTotal: 50_000,
      }),
      NOW,
    ).text;
    expect(text).toBe("Syncing 25,000 of 50,000 devices, about 40 s left");
  });

  it("waits for some progress before promising a time, and for a total before a share", () => {
    const early = sync({ pagesDone: 1, pagesTotal: 200, devicesDone: 0, devicesTotal: 50_000 });
    expect(syncEstimate(early, NOW)).toEqual({
      text: "Syncing 0 of 50,000 devices, estimating the time left…",
      percent: 0,
    });
    expect(syncEstimate(sync({ pagesDone: 1 }), NOW)).toEqual({
      text: "Syncing with Datto…",
      percent: null,
    });
    // A site that does not say how many devices it has: no total to promise.
    expect(syncEstimate(sync({ pagesDone: 9, devicesDone: 2_000 }), NOW)).toEqual({
      text: "Syncing with Datto: 2,000 devices read…",
      percent: null,
    });
  });
});
