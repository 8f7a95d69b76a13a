import { hasEmptyKey, OFFLINE_CLASS } from "./alert-classes";
import { GB, logicalDisksOf } from "./hardware";
import { platformOf } from "./hardware-models";
import { intBetween, pick, rngFor } from "./prng";
import type { Tenant } from "./tenant";
import type { AlertRec, DeviceRec } from "./tenant-types";
import { UNKNOWN_ALERT_CLASS } from "./unknowns";

/** What a device's platform calls its services, processes and folders. */
const VOCABULARY = {
  windows: {
    services: ["Spooler", "W32Time", "MSSQLSERVER", "wuauserv", "DattoBackupAgent", "BITS"],
    processes: ["sqlservr.exe", "outlook.exe", "chrome.exe", "MsMpEng.exe", "w3wp.exe"],
    paths: ["C:\\inetpub\\logs", "C:\\Windows\\Temp", "C:\\ProgramData\\Datto\\Logs"],
  },
  linux: {
    services: ["nginx.service", "docker.service", "postgresql.service", "cron.service"],
    processes: ["nginx", "postgres", "dockerd", "java"],
    paths: ["/var/log", "/tmp", "/var/lib/docker"],
  },
  mac: {
    services: ["com.apple.backupd"],
    processes: ["Microsoft Outlook", "Google Chrome Helper", "mds_stores", "Slack"],
    paths: ["/Users/Shared", "/Library/Logs", "/private/var/log"],
  },
} as const;

const AV_ALERT_STATUS: Record<string, string> = {
  RunningAndNotUpToDate: "RUNNINGNOTUPTODATE",
  NotRunning: "NOTRUNNING",
};

const vocabularyOf = (device: DeviceRec) => {
  const platform = platformOf(device.kind);
  return platform === "linux" || platform === "mac" ? VOCABULARY[platform] : VOCABULARY.windows;
};

/** A disk-usage alert's numbers: one of the device's real disks, nearly full. */
export function lowDiskOf(alert: Pick<AlertRec, "seed">, device: DeviceRec) {
  const rng = rngFor(alert.seed, "disk");
  const disks =
    device.kind === "esxi"
      ? [{ diskIdentifier: "datastore1", size: pick(rng, [2, 4, 8]) * 1024 * GB }]
      : logicalDisksOf(device);
  // The system drive fills up most often; data drives otherwise.
  const disk = rng() < 0.6 ? disks[0] : pick(rng, disks);
  const totalGb = Math.round(((disk?.size ?? 100 * GB) / GB) * 10) / 10;
  const freeGb = Math.round(totalGb * (0.015 + rng() * 0.07) * 10) / 10;
  return { diskName: disk?.diskIdentifier ?? "C:", totalGb, freeGb };
}

/** The open disk-space alerts of a device on one of its disks. */
export function alertsOnDisk(tenant: Tenant, device: DeviceRec, diskName: string): AlertRec[] {
  return (tenant.alertsByDevice.get(device.idx) ?? []).filter(
    (a) =>
      !a.resolved &&
      a.ctxClass === "perf_disk_usage_ctx" &&
      lowDiskOf(a, device).diskName === diskName,
  );
}

/** The alertContext object, rebuilt on demand from the alert's seed and its device. */
export function alertContext(
  alert: AlertRec,
  device: DeviceRec | undefined,
): Record<string, unknown> {
  const rng = rngFor(alert.seed, "ctx");
  const words = device ? vocabularyOf(device) : VOCABULARY.windows;
  const base: Record<string, unknown> = { "@class": alert.wireClass };
  if (hasEmptyKey(alert.seed)) base[""] = null;
  if (alert.wireClass === UNKNOWN_ALERT_CLASS)
    return { ...base, detail: "Monitor type not yet documented", value: intBetween(rng, 1, 100) };
  switch (alert.ctxClass) {
    case "online_offline_status_ctx":
      return { ...base, status: "OFFLINE" };
    case "comp_script_ctx":
      return {
        ...base,
        samples: { Result: pick(rng, ["Warning: 3 stale backups", "FAIL", "Threshold exceeded"]) },
      };
    case "eventlog_ctx":
      return {
        ...base,
        logName: pick(rng, ["System", "Application"]),
        code: String(pick(rng, [7031, 1000, 41, 6008, 4625])),
        type: "Error",
        source: pick(rng, ["Service Control Manager", "Application Error", "Kernel-Power"]),
        description: "The service terminated unexpectedly. It has done this 1 time(s).",
      };
    case "patch_ctx":
      return {
        ...base,
        patchUid: `KB50${intBetween(rng, 30000, 49999)}`,
        policyUid: `pol-${alert.seed % 97}`,
        result: "Failed",
        info: "Installation failed with error 0x800f0922",
      };
    case "antivirus_ctx":
      return {
        ...base,
        status: AV_ALERT_STATUS[device?.antivirusStatus ?? ""] ?? "NOTDETECTED",
        productName: device?.antivirusProduct ?? null,
      };
    case "perf_resource_usage_ctx":
      return {
        ...base,
        type: pick(rng, ["CPU", "MEMORY"]),
        percentage: intBetween(rng, 900, 1000) / 10,
      };
    case "perf_disk_usage_ctx": {
      const disk = device ? lowDiskOf(alert, device) : { diskName: "C:", totalGb: 100, freeGb: 3 };
      return {
        ...base,
        diskName: disk.diskName,
        totalVolume: disk.totalGb,
        freeSpace: disk.freeGb,
        unitOfMeasure: "GB",
      };
    }
    case "fs_object_ctx":
      return {
        ...base,
        path: pick(rng, words.paths),
        objectType: "DIRECTORY",
        condition: "ABOVE_THRESHOLD",
        threshold: 10240,
        sample: intBetween(rng, 10241, 90000),
      };
    case "process_status_ctx":
      return { ...base, processName: pick(rng, words.processes), status: "STOPPED" };
    case "process_resource_usage_ctx":
      return {
        ...base,
        processName: pick(rng, words.processes),
        type: pick(rng, ["CPU", "MEMORY"]),
        sample: intBetween(rng, 800, 990) / 10,
      };
    case "srvc_status_ctx":
      return { ...base, serviceName: pick(rng, words.services), status: "STOPPED" };
    case "srvc_resource_usage_ctx":
      return {
        ...base,
        serviceName: pick(rng, words.services),
        type: "MEMORY",
        sample: intBetween(rng, 1024, 8192),
      };
    case "perf_mon_ctx":
      return { ...base, value: intBetween(rng, 800, 1000) / 10 };
  }
}

export function diagnosticsFor(alert: AlertRec, device: DeviceRec | undefined): string | null {
  if (alert.seed % 5 === 0) return null;
  const hostname = device?.hostname ?? "device";
  switch (alert.ctxClass) {
    case OFFLINE_CLASS:
      return `${hostname} has gone offline.`;
    case "perf_disk_usage_ctx": {
      if (!device) return "Disk usage above 90% on the monitored volume.";
      const disk = lowDiskOf(alert, device);
      const used = Math.round((1 - disk.freeGb / disk.totalGb) * 100);
      return `Disk usage on ${disk.diskName} is ${used}% (${disk.freeGb} GB free of ${disk.totalGb} GB).`;
    }
    case "srvc_status_ctx":
      return "Monitored service is not running.";
    case "comp_script_ctx":
      return "Monitor script returned an alert state.\nExit code: 1";
    case "patch_ctx":
      return "Patch installation failed during the last maintenance window.";
    default:
      return `Monitor triggered (${alert.wireClass}).`;
  }
}
