import { describe, expect, it } from "vitest";
import {
  ageTone,
  formatBytes,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatTime,
  withLocalTimes,
} from "./format";

const now = Date.parse("2026-03-10T12:00:00Z");
const minutes = (n: number) => n * 60_000;

describe("formatRelativeTime", () => {
  it("says how long ago, in the largest sensible unit", () => {
    expect(formatRelativeTime(now - 3_000, now)).toBe("just now");
    expect(formatRelativeTime(now - 42_000, now)).toBe("42 s ago");
    expect(formatRelativeTime(now - minutes(5), now)).toBe("5 min ago");
    expect(formatRelativeTime(now - minutes(60 * 3 + 20), now)).toBe("3 h ago");
    expect(formatRelativeTime(now - minutes(60 * 24 * 2), now)).toBe("2 d ago");
  });

  it("handles the future, never, and old dates", () => {
    expect(formatRelativeTime(now + minutes(2), now)).toBe("in 2 min");
    expect(formatRelativeTime(null, now)).toBe("never");
    expect(formatRelativeTime(now - minutes(60 * 24 * 90), now)).not.toMatch(/ago/);
  });
});

describe("ageTone", () => {
  it("grades an age against thresholds (default: aging after 1 h, stale after 1 day)", () => {
    expect(ageTone(now - minutes(5), now)).toBe("fresh");
    expect(ageTone(now - minutes(90), now)).toBe("aging");
    expect(ageTone(now - minutes(60 * 25), now)).toBe("stale");
    expect(ageTone(undefined, now)).toBe("unknown");
    expect(
      ageTone(now - minutes(5), now, { agingAfterMs: minutes(1), staleAfterMs: minutes(4) }),
    ).toBe("stale");
  });
});

describe("formatBytes", () => {
  it("uses binary multiples and trims a trailing .0", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(8 * 1024 ** 3)).toBe("8 GB");
    expect(formatBytes(1.25 * 1024 ** 4, 2)).toBe("1.25 TB");
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
  });
});

describe("formatTime", () => {
  it("is a 24-hour HH:MM", () => {
    expect(formatTime(now)).toMatch(/^\d{2}:\d{2}$/);
  });
});

describe("formatDuration", () => {
  it("rounds to what an estimate can promise", () => {
    expect(formatDuration(4_000)).toBe("a few seconds");
    expect(formatDuration(38_000)).toBe("about 40 s");
    expect(formatDuration(70_000)).toBe("about a minute");
    expect(formatDuration(minutes(4.4))).toBe("about 4 min");
    expect(formatDuration(minutes(130))).toBe("about 2 h 10 min");
    expect(formatDuration(minutes(120))).toBe("about 2 h");
  });
});

describe("withLocalTimes", () => {
  it("puts a server message's ISO times in the viewer's time, with the date when not today", () => {
    const noon = Date.parse("2026-12-01T12:00:00Z");
    const today = Date.parse("2026-12-01T11:58:30.062Z");
    const lastWeek = Date.parse("2026-11-24T09:00:00Z");
    const text = withLocalTimes(
      `Datto is unreachable (last failure at ${new Date(today).toISOString()}); first at ${new Date(lastWeek).toISOString()}.`,
      noon,
    );
    expect(text).toBe(
      `Datto is unreachable (last failure at ${formatTime(today)}); first at ${formatDateTime(lastWeek)}.`,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
