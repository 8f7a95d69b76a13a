import { useEffect, useRef, useState } from "react";
import type { Proposal } from "@server/contract/proposals";
import { actionText } from "./proposal-text";

const KEY = "rmmdeck.notify-proposals";

const canNotify = () => typeof window !== "undefined" && "Notification" in window;

/** Whether this approver opted in to browser notifications, and a way to opt in or out. */
export function useNotificationOptIn() {
  const [isOn, setIsOn] = useState(
    () =>
      canNotify() && localStorage.getItem(KEY) === "on" && Notification.permission === "granted",
  );
  const set = async (on: boolean) => {
    if (on && canNotify() && Notification.permission !== "granted") {
      if ((await Notification.requestPermission()) !== "granted") return setIsOn(false);
    }
    localStorage.setItem(KEY, on ? "on" : "off");
    setIsOn(on);
  };
  return { isSupported: canNotify(), isOn, set };
}

/** Shows a browser notification for each proposal that appears while the console is open. */
export function useProposalNotifications(pending: readonly Proposal[] | undefined) {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!pending) return;
    const ids = new Set(pending.map((p) => p.id));
    const before = seen.current;
    seen.current = ids;
    if (
      !before ||
      !canNotify() ||
      Notification.permission !== "granted" ||
      localStorage.getItem(KEY) !== "on"
    )
      return;
    for (const p of pending) {
      if (before.has(p.id)) continue;
      new Notification(`Agent ${p.agentName} proposes an action`, {
        body: `${actionText(p)}. ${p.reason}`,
        tag: p.id,
      });
    }
  }, [pending]);
}
