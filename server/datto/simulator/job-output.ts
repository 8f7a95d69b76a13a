import { lowDiskOf } from "./alert-contexts";
import { componentSeed, type ComponentDef } from "./components-catalog";
import { GB, logicalDisksOf } from "./hardware";
import { platformOf } from "./hardware-models";
import { type JobOutcome, runDuration, variableOf } from "./jobs";
import { intBetween, mulberry32, pick } from "./prng";
import type { JobRec, Tenant } from "./tenant";
import type { DeviceRec } from "./tenant-types";

const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const gb = (bytes: number) => `${(bytes / GB).toFixed(2)} GB`;

function value(job: JobRec, component: ComponentDef, name: string): string {
  return (
    variableOf(job, name) || (component.variables.find((v) => v.name === name)?.defaultVal ?? "")
  );
}

/** Free space on the drive before the clean-up: what the disk alert said, if one was open. */
function freeBefore(tenant: Tenant, job: JobRec, device: DeviceRec, drive: string): number | null {
  for (const alert of tenant.alertsByDevice.get(device.idx) ?? []) {
    if (alert.ctxClass !== "perf_disk_usage_ctx" || alert.timestamp > job.createdAt) continue;
    if (alert.resolved && (alert.resolvedOn ?? 0) < job.createdAt) continue;
    const low = lowDiskOf(alert, device);
    if (low.diskName === drive) return low.freeGb * GB;
  }
  return null;
}

function diskCleanup(tenant: Tenant, job: JobRec, component: ComponentDef, device: DeviceRec) {
  const rng = mulberry32(componentSeed(component.uid, device.uid));
  const drive = value(job, component, "drive").toUpperCase();
  const disk = logicalDisksOf(device).find((d) => d.diskIdentifier === drive);
  if (!disk) return `Drive ${drive} not found on ${device.hostname}.\n`;
  const after = disk.freespace;
  const before =
    freeBefore(tenant, job, device, drive) ?? Math.max(0.5 * GB, after * (0.55 + rng() * 0.4));
  const freed = Math.max(0, after - before);
  const shares = [0.2 + rng() * 0.2, 0.3 + rng() * 0.2];
  const folders: Array<[string, number]> = [
    [`${drive}\\Windows\\Temp`, freed * shares[0]!],
    [
      `${drive}\\Users\\*\\AppData\\Local\\Temp (${intBetween(rng, 2, 9)} profiles)`,
      freed * shares[1]!,
    ],
    [`${drive}\\Windows\\SoftwareDistribution\\Download`, freed * (1 - shares[0]! - shares[1]!)],
  ];
  const files = folders.map(([, bytes]) =>
    Math.max(1, Math.round(bytes / intBetween(rng, 150_000, 900_000))),
  );
  const recycle = value(job, component, "includeRecycleBin").toLowerCase() === "true";
  return [
    `Drive ${drive} (${disk.description}), ${gb(disk.size)}`,
    `Free space before: ${gb(before)} (${((before / disk.size) * 100).toFixed(1)}%)`,
    `Removing files older than ${value(job, component, "days")} days from:`,
    ...folders.map(
      ([folder, bytes], i) => `  ${folder}: ${thousands(files[i]!)} files, ${gb(bytes)}`,
    ),
    `  Recycle Bin: ${recycle ? "emptied" : "skipped (includeRecycleBin=false)"}`,
    `Deleted ${thousands(files.reduce((a, b) => a + b, 0))} files, freed ${gb(freed)}`,
    `Free space after: ${gb(after)} (${((after / disk.size) * 100).toFixed(1)}%)`,
    "",
  ].join("\n");
}

/** Plausible, deterministic stdout for a finished run. */
export function stdoutFor(
  tenant: Tenant,
  job: JobRec,
  component: ComponentDef,
  device: DeviceRec,
  outcome: JobOutcome,
): string {
  const rng = mulberry32(componentSeed(component.uid, device.uid));
  const header = `[${device.hostname}] ${component.name}\n`;
  if (component.windowsOnly && platformOf(device.kind) !== "windows") return header;
  const seconds = Math.round(runDuration(component.uid, device.uid) / 1000);
  switch (component.script) {
    case "disk-cleanup":
      return header + diskCleanup(tenant, job, component, device);
    case "restart-service": {
      const name = value(job, component, "serviceName");
      return outcome === "Failure"
        ? `${header}Stopping service ${name}...\n`
        : `${header}Stopping service ${name}... stopped\nStarting service ${name}... running (PID ${intBetween(rng, 1000, 30000)})\n`;
    }
    case "powershell":
      return `${header}PS> ${value(job, component, "command")}\n\nStatus   Name               DisplayName\n------   ----               -----------\nStopped  ${pick(rng, ["wuauserv", "BITS", "Spooler"])}           ${pick(rng, ["Windows Update", "Background Intelligent Transfer", "Print Spooler"])}\n`;
    case "disk-check":
      return (
        header +
        logicalDisksOf(device)
          .map(
            (d) =>
              `${d.diskIdentifier} ${gb(d.freespace)} free of ${gb(d.size)} (${Math.round((d.freespace / d.size) * 100)}%)`,
          )
          .join("\n") +
        "\n"
      );
    case "flush-dns":
      return `${header}Windows IP Configuration\n\nSuccessfully flushed the DNS Resolver Cache.\n`;
    case "install":
      return `${header}Downloading 7-Zip 24.08 (x64)...\nInstalling silently... exit code 0\n`;
    case "gpupdate":
      return `${header}Updating policy...\n\nComputer Policy update has completed successfully.\nUser Policy update has completed successfully.\n`;
    case "map-drive":
      return `${header}Mapping ${value(job, component, "letter")} to ${value(job, component, "share")} for all users at logon... done\n`;
    case "reboot":
      return `${header}Reboot scheduled in ${value(job, component, "delayMinutes")} minutes.\n`;
    case "maintenance":
      return `${header}Alerts suppressed until ${value(job, component, "until")} 23:59.\n`;
    case "collect-logs":
      return `${header}Exported System and Application logs for the last ${value(job, component, "hours")} hours to C:\\ProgramData\\Logs (${intBetween(rng, 2, 90)} MB) in ${seconds} s\n`;
  }
}

export function stderrFor(
  job: JobRec,
  component: ComponentDef,
  device: DeviceRec,
  outcome: JobOutcome,
): string {
  const rng = mulberry32(componentSeed(component.uid, device.uid) ^ 0x5bd1e995);
  if (component.windowsOnly && platformOf(device.kind) !== "windows")
    return `ERROR: ${component.name} supports Windows only; ${device.os || "this OS"} cannot run it.\n`;
  if (outcome === "Warning")
    return `WARNING: ${pick(rng, ["37 files could not be deleted: access denied (in use)", "operation took longer than expected", "a reboot is pending"])}\n`;
  if (component.script === "restart-service")
    return "ERROR: The service name is invalid or the service did not respond in time. (1053)\n";
  if (
    component.script === "disk-cleanup" &&
    !logicalDisksOf(device).some((d) => d.diskIdentifier === variableOf(job, "drive").toUpperCase())
  )
    return `ERROR: The system cannot find the drive specified: ${variableOf(job, "drive")}\n`;
  return `ERROR: ${pick(rng, ["Access is denied. (0x80070005)", "The system cannot find the path specified.", "Script exited with code 1"])}\n`;
}
