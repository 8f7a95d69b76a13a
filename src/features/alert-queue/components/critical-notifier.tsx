import { useEffect, useRef, useState } from "react";
import type { QueueAlert } from "@server/contract/alerts";
import { endpointText } from "@/lib/endpoint-text";
import { readNotifyCritical, writeNotifyCritical } from "../last-look";

/** A short two-tone beep; no file to load. */
function beep() {
  try {
    const Ctx = window.AudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.setValueAtTime(880, ctx.currentTime);
    osc.frequency.setValueAtTime(660, ctx.currentTime + 0.15);
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.3);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio: the notification still shows.
  }
}

/**
 * Opt-in: a browser notification and a sound when a new Critical alert arrives while the queue
 * is open. Never for what is already there when the page loads, never for other priorities.
 */
export function CriticalNotifier(props: { alerts: readonly QueueAlert[] }) {
  const [on, setOn] = useState(() => readNotifyCritical());
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const critical = props.alerts.filter((a) => a.priority === "Critical");
    const known = seen.current;
    const fresh = known ? critical.filter((a) => !known.has(a.alertUid)) : [];
    // The first list is the baseline (a page load never notifies).
    if (props.alerts.length > 0 || known) {
      seen.current = new Set([...(known ?? []), ...critical.map((a) => a.alertUid)]);
    }
    if (!on || fresh.length === 0) return;
    beep();
    if (typeof Notification !== "undefined" && Notification.permission === "granted") {
      const first = fresh[0]!;
      new Notification(
        fresh.length === 1 ? "New critical alert" : `${fresh.length} new critical alerts`,
        {
          body: `${endpointText(first.contextSummary)} — ${endpointText(first.deviceName) ?? ""}`,
          tag: "rmmdeck-critical",
        },
      );
    }
  }, [props.alerts, on]);

  const toggle = async () => {
    const next = !on;
    if (next && typeof Notification !== "undefined" && Notification.permission === "default") {
      await Notification.requestPermission();
    }
    writeNotifyCritical(next);
    setOn(next);
  };
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <input type="checkbox" checked={on} onChange={() => void toggle()} />
      Notify and beep on new critical alerts
    </label>
  );
}
