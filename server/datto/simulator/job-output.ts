import { componentSeed, type ComponentDef } from "./components-catalog";
import { intBetween, mulberry32, pick } from "./prng";
import type { JobRec } from "./tenant";
import type { DeviceRec } from "./tenant-types";

function variable(job: JobRec, component: ComponentDef, name: string): string {
  return (
    job.variables.find((v) => v.name === name)?.value ??
    component.variables.find((v) => v.name === name)?.defaultVal ??
    ""
  );
}

/** Plausible, deterministic stdout for a finished run. */
export function stdoutFor(
  job: JobRec,
  component: ComponentDef,
  device: DeviceRec,
  outcome: string,
): string {
  const rng = mulberry32(componentSeed(component.uid, device.uid));
  const header = `[${device.hostname}] ${component.name}\n`;
  switch (component.output) {
    case "temp-clean": {
      const files = intBetween(rng, 120, 48_000);
      const bytes = files * intBetween(rng, 4_000, 90_000);
      return `${header}Scanning C:\\Windows\\Temp and 6 user profiles for files older than ${variable(job, component, "days")} days\nDeleted ${files} files (${bytes} bytes, ${(bytes / 1_073_741_824).toFixed(2)} GB)\nSkipped ${intBetween(rng, 0, 40)} files in use\n`;
    }
    case "restart-service": {
      const name = variable(job, component, "serviceName");
      return outcome === "Failure"
        ? `${header}Stopping service ${name}...\n`
        : `${header}Stopping service ${name}... stopped\nStarting service ${name}... running (PID ${intBetween(rng, 1000, 30000)})\n`;
    }
    case "powershell":
      return `${header}PS> ${variable(job, component, "command")}\n\nStatus   Name               DisplayName\n------   ----               -----------\nStopped  ${pick(rng, ["wuauserv", "BITS", "Spooler"])}           ${pick(rng, ["Windows Update", "Background Intelligent Transfer", "Print Spooler"])}\n`;
    case "disk-check": {
      const size = pick(rng, [237, 475, 931]);
      const free = intBetween(rng, 3, Math.floor(size * 0.6));
      return `${header}C: ${free} GB free of ${size} GB (${Math.round((free / size) * 100)}%)\n`;
    }
    case "flush-dns":
      return `${header}Windows IP Configuration\n\nSuccessfully flushed the DNS Resolver Cache.\n`;
    case "install":
      return `${header}Downloading 7-Zip 24.08 (x64)...\nInstalling silently... exit code 0\n`;
    case "gpupdate":
      return `${header}Updating policy...\n\nComputer Policy update has completed successfully.\nUser Policy update has completed successfully.\n`;
    case "reboot":
      return `${header}Reboot scheduled.\n`;
    case "generic":
      return `${header}Completed in ${intBetween(rng, 2, 90)} s\n`;
  }
}

export function stderrFor(component: ComponentDef, device: DeviceRec, outcome: string): string {
  const rng = mulberry32(componentSeed(component.uid, device.uid) ^ 0x5bd1e995);
  if (outcome === "Warning")
    return `WARNING: ${pick(rng, ["3 files could not be deleted: access denied", "operation took longer than expected", "a reboot is pending"])}\n`;
  if (component.output === "restart-service")
    return "ERROR: The service name is invalid or the service did not respond in time. (1053)\n";
  return `ERROR: ${pick(rng, ["Access is denied. (0x80070005)", "The system cannot find the path specified.", "Script exited with code 1"])}\n`;
}
