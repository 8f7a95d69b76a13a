import { type Platform, platformOf } from "./hardware-models";
import { unit } from "./prng";
import type { AlertPriority, DeviceRec } from "./tenant-types";
import { ALERT_TRAP_SHARE, UNKNOWN_ALERT_CLASS } from "./unknowns";

/** The `@class` values seen on real tenants (API.md §6), and only those. */
export const KNOWN_ALERT_CLASSES = [
  "online_offline_status_ctx",
  "comp_script_ctx",
  "eventlog_ctx",
  "patch_ctx",
  "antivirus_ctx",
  "perf_resource_usage_ctx",
  "perf_disk_usage_ctx",
  "fs_object_ctx",
  "process_status_ctx",
  "process_resource_usage_ctx",
  "srvc_status_ctx",
  "srvc_resource_usage_ctx",
  "perf_mon_ctx",
] as const;
export type AlertClass = (typeof KNOWN_ALERT_CLASSES)[number];

export const OFFLINE_CLASS: AlertClass = "online_offline_status_ctx";

const MONITORED_EVERYWHERE: AlertClass[] = [
  "comp_script_ctx",
  "perf_resource_usage_ctx",
  "perf_disk_usage_ctx",
  "fs_object_ctx",
  "process_status_ctx",
  "process_resource_usage_ctx",
];
const WINDOWS_ONLY: AlertClass[] = [
  "eventlog_ctx",
  "patch_ctx",
  "srvc_status_ctx",
  "srvc_resource_usage_ctx",
  "perf_mon_ctx",
];
const AV_TROUBLE = new Set(["RunningAndNotUpToDate", "NotRunning", "NotDetected"]);

function classesOf(platform: Platform, avTrouble: boolean): readonly AlertClass[] {
  const av: AlertClass[] = avTrouble ? ["antivirus_ctx"] : [];
  switch (platform) {
    case "windows":
      return [...MONITORED_EVERYWHERE, ...WINDOWS_ONLY, ...av];
    case "mac":
      return [...MONITORED_EVERYWHERE, ...av];
    case "linux":
      return [...MONITORED_EVERYWHERE, "srvc_status_ctx"];
    case "esxi":
      return ["perf_disk_usage_ctx", "perf_resource_usage_ctx"];
    case "network":
      return ["perf_mon_ctx"];
    case "printer":
      return [];
  }
}

const CLASS_LISTS = new Map<string, readonly AlertClass[]>();

/** The monitors that can fire on this device besides going offline (event logs only on Windows...). */
export function monitorClassesFor(device: DeviceRec): readonly AlertClass[] {
  const platform = platformOf(device.kind);
  const avTrouble = device.antivirusStatus !== null && AV_TROUBLE.has(device.antivirusStatus);
  const key = `${platform}:${avTrouble}`;
  let list = CLASS_LISTS.get(key);
  if (!list) CLASS_LISTS.set(key, (list = classesOf(platform, avTrouble)));
  return list;
}

/** About 1 alert in 100 carries a class no client knows (API.md §6: unknown classes exist). */
const hasUnknownClass = (seed: number) => unit(seed, "trap-class") < ALERT_TRAP_SHARE;
/** About 1 alert in 100 carries an empty-string key in its context (seen by one public client). */
export const hasEmptyKey = (seed: number) => unit(seed, "trap-key") < ALERT_TRAP_SHARE;

export const wireClassOf = (ctxClass: AlertClass, seed: number): string =>
  ctxClass !== OFFLINE_CLASS && hasUnknownClass(seed) ? UNKNOWN_ALERT_CLASS : ctxClass;

export function priorityFor(ctxClass: AlertClass, device: DeviceRec, roll: number): AlertPriority {
  const server = device.kind === "server" || device.kind === "dc" || device.kind === "esxi";
  if (ctxClass === OFFLINE_CLASS) return server ? "Critical" : roll < 0.5 ? "High" : "Moderate";
  if (ctxClass === "perf_mon_ctx") return roll < 0.7 ? "Low" : "Information";
  if (ctxClass === "perf_disk_usage_ctx" && server) return roll < 0.5 ? "Critical" : "High";
  const list: AlertPriority[] = ["Critical", "High", "Moderate", "Moderate", "Low", "Information"];
  return list[Math.floor(roll * list.length)] ?? "Moderate";
}
