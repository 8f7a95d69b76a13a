import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { QueueAlert } from "@server/contract/alerts";
import { CriticalNotifier } from "./critical-notifier";

/** A browser Notification that records what was shown and asks permission like a person says yes. */
class FakeNotification {
  static permission: NotificationPermission = "default";
  static shown: { title: string; body: string | undefined }[] = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = "granted";
    return "granted" as NotificationPermission;
  });
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, body: options?.body });
  }
}

/** An AudioContext that counts the beeps it was asked to play. */
let beeps = 0;
class FakeAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    const param = { setValueAtTime: () => undefined };
    return {
      frequency: param,
      connect: (node: unknown) => node,
      start: () => {
        beeps += 1;
      },
      stop: () => undefined,
      onended: null as null | (() => void),
    };
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined }, connect: (node: unknown) => node };
  }
  close() {
    return Promise.resolve();
  }
}

const alert = (uid: string, priority: QueueAlert["priority"]): QueueAlert => ({
  alertUid: uid,
  priority,
  timestamp: 1_700_000_000_000,
  contextClass: "online_offline_status_ctx",
  contextSummary: `Offline ${uid}`,
  deviceUid: `dev-${uid}`,
  deviceName: `PC-${uid}`,
  siteUid: "s1",
  siteName: "Main",
  firstSeenAt: 1_700_000_000_000,
  claim: null,
  resolveOutcome: null,
  resolved: false,
  resolution: null,
});

beforeEach(() => {
  beeps = 0;
  FakeNotification.permission = "default";
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  window.localStorage.clear();
  vi.stubGlobal("Notification", FakeNotification);
  vi.stubGlobal("AudioContext", FakeAudioContext);
});
afterEach(() => vi.unstubAllGlobals());

async function optIn() {
  await userEvent.click(screen.getByRole("checkbox", { name: /Notify and beep/ }));
  expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
}

describe("CriticalNotifier", () => {
  it("is off until opted in: a new critical alert then neither beeps nor notifies", () => {
    FakeNotification.permission = "granted";
    const { rerender } = render(<CriticalNotifier alerts={[alert("a", "High")]} />);
    rerender(<CriticalNotifier alerts={[alert("a", "High"), alert("b", "Critical")]} />);
    expect(screen.getByRole("checkbox", { name: /Notify and beep/ })).not.toBeChecked();
    expect(beeps).toBe(0);
    expect(FakeNotification.shown).toEqual([]);
  });

  it("never fires on first load, even with critical alerts already open", async () => {
    window.localStorage.setItem("rmmdeck.alerts.notifyCritical", "on");
    FakeNotification.permission = "granted";
    const { rerender } = render(<CriticalNotifier alerts={[]} />);
    // The first answer arrives with two critical alerts already there: the baseline.
    rerender(<CriticalNotifier alerts={[alert("a", "Critical"), alert("b", "Critical")]} />);
    // The 30 s refresh brings the same ones back.
    rerender(<CriticalNotifier alerts={[alert("b", "Critical"), alert("a", "Critical")]} />);
    expect(beeps).toBe(0);
    expect(FakeNotification.shown).toEqual([]);
    expect(screen.getByRole("checkbox", { name: /Notify and beep/ })).toBeChecked();
  });

  it("once opted in, beeps and notifies for a new critical alert only, once each", async () => {
    const { rerender } = render(<CriticalNotifier alerts={[alert("a", "Critical")]} />);
    await optIn();
    expect(window.localStorage.getItem("rmmdeck.alerts.notifyCritical")).toBe("on");

    // New, but not critical: silence.
    rerender(<CriticalNotifier alerts={[alert("a", "Critical"), alert("h", "High")]} />);
    expect(beeps).toBe(0);
    expect(FakeNotification.shown).toEqual([]);

    // A new critical one: one beep, one notification naming it.
    const withNew = [alert("a", "Critical"), alert("h", "High"), alert("c", "Critical")];
    rerender(<CriticalNotifier alerts={withNew} />);
    expect(beeps).toBe(1);
    expect(FakeNotification.shown).toEqual([
      { title: "New critical alert", body: "Offline c — PC-c" },
    ]);

    // The same list again (a refresh): nothing more.
    rerender(<CriticalNotifier alerts={[...withNew]} />);
    expect(beeps).toBe(1);
    expect(FakeNotification.shown).toHaveLength(1);

    // Two more at once: one beep, one notification counting them.
    rerender(
      <CriticalNotifier alerts={[...withNew, alert("d", "Critical"), alert("e", "Critical")]} />,
    );
    expect(beeps).toBe(2);
    expect(FakeNotification.shown.at(-1)?.title).toBe("2 new critical alerts");
  });

  it("beeps without a notification when the browser permission was refused", async () => {
    FakeNotification.requestPermission.mockImplementationOnce(async () => {
      FakeNotification.permission = "denied";
      return "denied";
    });
    const { rerender } = render(<CriticalNotifier alerts={[alert("a", "Low")]} />);
    await optIn();
    rerender(<CriticalNotifier alerts={[alert("a", "Low"), alert("c", "Critical")]} />);
    expect(beeps).toBe(1);
    expect(FakeNotification.shown).toEqual([]);
  });
});
