import { intBetween, pick, rngFor } from "./prng";
import type { AlertPriority, DeviceKind } from "./tenant-types";

/** The `@class` values seen on real tenants (API.md §6), plus classes a client will not know. */
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
export const UNKNOWN_ALERT_CLASSES = ["backup_mgmt_ctx", "printer_supply_ctx"] as const;

const SERVICES = [
  "Spooler",
  "W32Time",
  "MSSQLSERVER",
  "wuauserv",
  "DattoBackupAgent",
  "BITS",
  "Dnscache",
];
const PROCESSES = [
  "sqlservr.exe",
  "outlook.exe",
  "chrome.exe",
  "MsMpEng.exe",
  "w3wp.exe",
  "java.exe",
];

export function classesFor(kind: DeviceKind): readonly string[] {
  switch (kind) {
    case "printer":
      return ["online_offline_status_ctx", "printer_supply_ctx"];
    case "network":
      return ["online_offline_status_ctx", "perf_mon_ctx"];
    case "esxi":
      return ["online_offline_status_ctx", "perf_disk_usage_ctx", "perf_resource_usage_ctx"];
    case "server":
    case "dc":
      return [...KNOWN_ALERT_CLASSES, "backup_mgmt_ctx"];
    default:
      return KNOWN_ALERT_CLASSES;
  }
}

export function priorityFor(ctxClass: string, kind: DeviceKind, roll: number): AlertPriority {
  const server = kind === "server" || kind === "dc" || kind === "esxi";
  if (ctxClass === "online_offline_status_ctx")
    return server ? "Critical" : roll < 0.5 ? "High" : "Moderate";
  if (ctxClass === "perf_mon_ctx" || ctxClass === "printer_supply_ctx")
    return roll < 0.7 ? "Low" : "Information";
  if (ctxClass === "backup_mgmt_ctx") return "Unknown";
  const list: AlertPriority[] = ["Critical", "High", "Moderate", "Moderate", "Low", "Information"];
  return list[Math.floor(roll * list.length)] ?? "Moderate";
}

/** The alertContext object, rebuilt on demand from the alert's seed. */
export function alertContext(ctxClass: string, seed: number): Record<string, unknown> {
  const rng = rngFor(seed, "ctx");
  const base = { "@class": ctxClass };
  switch (ctxClass) {
    case "online_offline_status_ctx":
      return { ...base, status: "OFFLINE" };
    case "comp_script_ctx": {
      const samples: Record<string, string> = {
        Result: pick(rng, ["Warning: 3 stale backups", "FAIL", "Threshold exceeded"]),
      };
      // One public client met an empty-string key inside a context (API.md §6): keep the trap alive.
      if (seed % 9 === 0) samples[""] = "";
      return { ...base, samples };
    }
    case "eventlog_ctx":
      return {
        ...base,
        logName: pick(rng, ["System", "Application"]),
        code: String(pick(rng, [7031, 1000, 41, 6008, 4625])),
        type: "Error",
        source: pick(rng, [
          "Service Control Manager",
          "Application Error",
          "Kernel-Power",
          "EventLog",
        ]),
        description: "The service terminated unexpectedly. It has done this 1 time(s).",
      };
    case "patch_ctx":
      return {
        ...base,
        patchUid: `KB50${intBetween(rng, 30000, 49999)}`,
        policyUid: `pol-${seed % 97}`,
        result: "Failed",
        info: "Installation failed with error 0x800f0922",
      };
    case "antivirus_ctx":
      return {
        ...base,
        status: pick(rng, ["NOTRUNNING", "RUNNINGNOTUPTODATE", "NOTDETECTED"]),
        productName: pick(rng, ["Datto AV", "Windows Defender"]),
      };
    case "perf_resource_usage_ctx":
      return {
        ...base,
        type: pick(rng, ["CPU", "MEMORY"]),
        percentage: intBetween(rng, 900, 1000) / 10,
      };
    case "perf_disk_usage_ctx": {
      const total = pick(rng, [118.7, 237.9, 475.8, 931.5]);
      return {
        ...base,
        diskName: pick(rng, ["C:", "D:"]),
        totalVolume: total,
        freeSpace: Math.round(total * rng() * 8) / 100,
        unitOfMeasure: "GB",
      };
    }
    case "fs_object_ctx":
      return {
        ...base,
        path: pick(rng, ["C:\\inetpub\\logs", "D:\\Shares\\Scans", "C:\\Windows\\Temp"]),
        objectType: "DIRECTORY",
        condition: "ABOVE_THRESHOLD",
        threshold: 10240,
        sample: intBetween(rng, 10241, 90000),
      };
    case "process_status_ctx":
      return { ...base, processName: pick(rng, PROCESSES), status: "STOPPED" };
    case "process_resource_usage_ctx":
      return {
        ...base,
        processName: pick(rng, PROCESSES),
        type: pick(rng, ["CPU", "MEMORY"]),
        sample: intBetween(rng, 800, 990) / 10,
      };
    case "srvc_status_ctx":
      return { ...base, serviceName: pick(rng, SERVICES), status: "STOPPED" };
    case "srvc_resource_usage_ctx":
      return {
        ...base,
        serviceName: pick(rng, SERVICES),
        type: "MEMORY",
        sample: intBetween(rng, 1024, 8192),
      };
    case "perf_mon_ctx": {
      const ctx: Record<string, unknown> = { ...base, value: intBetween(rng, 800, 1000) / 10 };
      if (seed % 11 === 0) ctx[""] = null;
      return ctx;
    }
    case "backup_mgmt_ctx":
      return {
        ...base,
        productName: "Datto Endpoint Backup",
        lastSuccess: null,
        errorCode: "BKP-409",
      };
    case "printer_supply_ctx":
      return {
        ...base,
        supply: pick(rng, ["Black Toner", "Cyan Toner", "Drum Unit"]),
        levelPercent: intBetween(rng, 1, 9),
      };
    default:
      return base;
  }
}

export function diagnosticsFor(ctxClass: string, seed: number, hostname: string): string | null {
  if (seed % 5 === 0) return null;
  switch (ctxClass) {
    case "online_offline_status_ctx":
      return `${hostname} has gone offline.`;
    case "perf_disk_usage_ctx":
      return "Disk usage above 90% on the monitored volume.";
    case "srvc_status_ctx":
      return "Monitored service is not running.";
    case "comp_script_ctx":
      return "Monitor script returned an alert state.\nExit code: 1";
    case "patch_ctx":
      return "Patch installation failed during the last maintenance window.";
    default:
      return `Monitor triggered (${ctxClass}).`;
  }
}
