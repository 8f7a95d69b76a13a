import { describe, expect, it } from "vitest";
import { createHarness, drive } from "../../testing/datto-harness";

const linesWith = (lines: string[], text: string) => lines.filter((l) => l.includes(text));

describe("gateway logging during a 429 pause", () => {
  it("logs the pause once and counts refused calls instead of a line per call", async () => {
    const h = createHarness({ simulator: { scenario: "rate-limited", devices: 60 } });
    const uids = (await drive(h.clock, h.api.listAccountDevices())).data.map((d) => d.uid);
    const burst = (list: string[]) =>
      drive(
        h.clock,
        Promise.allSettled(list.map((uid) => h.api.getDevice(uid, { maxAgeMs: 0 }))),
        10,
      );

    await burst(uids);
    expect(h.gateway.health().state).toBe("rate-limited");
    // A stuck poller keeps asking while the pause runs: 40 rounds of 60 calls.
    for (let round = 0; round < 40; round++) await burst(uids);

    const lines = h.logger.lines;
    expect(linesWith(lines, "pausing calls")).toHaveLength(1);
    // Only calls that were really sent and answered 429 get their own line: at most the 6 in flight.
    expect(linesWith(lines, "datto call failed").length).toBeLessThanOrEqual(6);
    const refused = linesWith(lines, "refused before sending");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(3);
    expect(lines.length).toBeLessThan(12);

    // When the pause ends, one line says so, with what it held back.
    await h.clock.advance(60_000);
    await drive(h.clock, h.api.getDevice(uids[0]!, { maxAgeMs: 0 }));
    const resumed = linesWith(h.logger.lines, "resumed after a pause");
    expect(resumed).toHaveLength(1);
    const fields = JSON.parse(resumed[0]!) as { refusedWhilePaused: number };
    expect(fields.refusedWhilePaused).toBeGreaterThan(2_000);
  });
});
