import { describe, expect, it } from "vitest";
import type { FleetSyncStatus } from "@server/contract/sync";
import { syncEstimate } from "./sync-estimate";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const sync = (patch: Partial<FleetSyncStatus>): FleetSyncStatus => ({
  state: "syncing",
  pagesDone: 0,
  pagesTotal: null,
  startedAt: NOW - 60_000,
  finishedAt: null,
  lastError: null,
  ...patch,
});

describe("syncEstimate", () => {
  it("says the share done and the time left at the pace so far, never pages", () => {
    // 50 of 200 pages in a minute: three more minutes at that pace.
    const estimate = syncEstimate(sync({ pagesDone: 50, pagesTotal: 200 }), NOW);
    expect(estimate).toEqual({
      text: "Reading the fleet from Datto: 25% done, about 3 min left",
      percent: 25,
    });
    expect(estimate.text).not.toMatch(/page/);
  });

  it("waits for some progress before promising a time, and for a total before a share", () => {
    expect(syncEstimate(sync({ pagesDone: 1, pagesTotal: 200 }), NOW).text).toMatch(
      /0% done, estimating/,
    );
    expect(syncEstimate(sync({ pagesDone: 3 }), NOW)).toEqual({
      text: "Reading the fleet from Datto…",
      percent: null,
    });
  });
});
