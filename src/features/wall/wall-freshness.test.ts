import { describe, expect, it } from "vitest";
import type { WallSummary } from "@server/contract/wall";
import { wallFreshness } from "./wall-freshness";

const summary = (patch: Partial<WallSummary> = {}) =>
  ({
    generatedAt: 1_000,
    serverNow: 1_000,
    healthy: true,
    problems: [],
    alerts: { fetchedAt: 1_000 },
    ...patch,
  }) as WallSummary;

const base = {
  refreshMs: 15_000,
  dataUpdatedAt: 100_000,
  errorUpdatedAt: 0,
  errorMessage: null,
  summary: summary(),
};

describe("the wall's freshness rule", () => {
  it("is fresh within two refresh periods and counts down to the next one", () => {
    const f = wallFreshness({ ...base, now: 100_000 + 29_000 });
    expect(f).toEqual({ stale: false, reasons: [], shownSince: 100_000, nextRefreshAt: 115_000 });
  });

  it("is STALE past two refresh periods without new numbers", () => {
    const f = wallFreshness({ ...base, now: 100_000 + 31_000 });
    expect(f.stale).toBe(true);
    expect(f.reasons).toEqual(["No new numbers for 31 s; the wall should get them every 15 s."]);
  });

  it("is STALE at once when the server cannot be reached, keeping the last numbers' time", () => {
    const f = wallFreshness({
      ...base,
      now: 116_000,
      errorUpdatedAt: 115_500,
      errorMessage: "Could not reach the RMM Deck server.",
    });
    expect(f.stale).toBe(true);
    expect(f.shownSince).toBe(100_000);
    expect(f.reasons[0]).toMatch(/cannot be reached \(Could not reach the RMM Deck server\)/);
    expect(f.nextRefreshAt).toBe(130_500);
  });

  it("is STALE when the server says Datto is failing, dated by the last good read", () => {
    const problems = ["Datto is failing: Datto is not answering."];
    const f = wallFreshness({
      ...base,
      now: 101_000,
      // The server's clock is 500 s ahead; its last good read of Datto was 40 s before it answered.
      summary: summary({
        healthy: false,
        problems,
        generatedAt: 600_000,
        serverNow: 600_000,
        alerts: { fetchedAt: 560_000 } as WallSummary["alerts"],
      }),
    });
    expect(f).toMatchObject({ stale: true, reasons: problems, shownSince: 60_000 });
  });

  it("recovers by itself: a good answer after failures is fresh again", () => {
    const f = wallFreshness({
      ...base,
      now: 201_000,
      dataUpdatedAt: 200_000,
      errorUpdatedAt: 180_000,
    });
    expect(f.stale).toBe(false);
  });

  it("says nothing before the first answer", () => {
    const f = wallFreshness({ ...base, now: 5, dataUpdatedAt: 0, summary: undefined });
    expect(f.stale).toBe(false);
    expect(f.shownSince).toBeNull();
  });
});
