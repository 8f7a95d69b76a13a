/** Per-browser memory of the queue: when you last looked, your saved views, notification opt-in. */

const LAST_LOOK = "rmmdeck.alerts.lastLook";
const NOTIFY = "rmmdeck.alerts.notifyCritical";

const read = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the queue works without memory.
  }
};

/** Epoch ms of the last look, null on the first visit (then nothing counts as new). */
export function readLastLook(): number | null {
  const n = Number(read(LAST_LOOK));
  return Number.isFinite(n) && n > 0 ? n : null;
}
export const writeLastLook = (at: number) => write(LAST_LOOK, String(at));

export const readNotifyCritical = () => read(NOTIFY) === "on";
export const writeNotifyCritical = (on: boolean) => write(NOTIFY, on ? "on" : "off");
