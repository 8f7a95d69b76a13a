import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { WallAlert, WallSummary } from "@server/contract/wall";
import { useNewCriticals } from "./use-new-criticals";

const alert = (uid: string, priority: WallAlert["priority"] = "Critical"): WallAlert => ({
  alertUid: uid,
  priority,
  summary: "Device is offline",
  deviceName: "SRV-1",
  siteName: "Acme",
  raisedAt: 1,
  claimedBy: null,
});
const summaryOf = (...urgent: WallAlert[]) => ({ alerts: { urgent } }) as unknown as WallSummary;

/** The browser's audio, as far as the chime uses it: counts the tones started. */
class FakeAudioContext {
  static tones = 0;
  currentTime = 0;
  destination = {};
  resume = async () => undefined;
  createGain = () => ({
    gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
    connect: (next: unknown) => next,
  });
  createOscillator = () => ({
    frequency: { value: 0 },
    connect: (next: unknown) => next,
    start: () => void (FakeAudioContext.tones += 1),
    stop: () => undefined,
  });
}

afterEach(() => {
  window.localStorage.clear();
  delete (globalThis as { AudioContext?: unknown }).AudioContext;
});

describe("new Critical alerts on the wall", () => {
  it("flash only when they appear after the wall started, not the ones already open", () => {
    const { result, rerender } = renderHook((s: WallSummary) => useNewCriticals(s), {
      initialProps: summaryOf(alert("a"), alert("h", "High")),
    });
    expect(result.current.flashing.size).toBe(0);
    rerender(summaryOf(alert("b"), alert("a"), alert("i", "High")));
    expect([...result.current.flashing]).toEqual(["b"]);
  });

  it("chime once per new arrival with the sound on, and never with it off", async () => {
    (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
    FakeAudioContext.tones = 0;
    const { result, rerender } = renderHook((s: WallSummary) => useNewCriticals(s), {
      initialProps: summaryOf(alert("a")),
    });
    rerender(summaryOf(alert("b"), alert("a")));
    await act(async () => undefined);
    expect(FakeAudioContext.tones).toBe(0);

    act(() => result.current.toggleSound());
    expect(result.current.isSoundOn).toBe(true);
    expect(window.localStorage.getItem("rmm-deck.wall-sound")).toBe("on");
    rerender(summaryOf(alert("c"), alert("b"), alert("a")));
    await act(async () => undefined);
    expect(FakeAudioContext.tones).toBe(2); // two notes, one chime
    rerender(summaryOf(alert("c"), alert("b"), alert("a")));
    await act(async () => undefined);
    expect(FakeAudioContext.tones).toBe(2);
  });
});
