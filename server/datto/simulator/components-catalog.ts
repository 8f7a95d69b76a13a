import { hash32, rngFor, uuidFrom } from "./prng";
import type { COMPONENT_VARIABLE_TYPES } from "./unknowns";
import { DATE_VARIABLE_PATTERN, FILL_MISSING_VARIABLES_WITH_DEFAULTS } from "./unknowns";

type VariableType = (typeof COMPONENT_VARIABLE_TYPES)[number];

interface ComponentVariableDef {
  name: string;
  type: VariableType;
  defaultVal: string;
  description: string;
}

/** How a run of the component behaves and what it prints (jobs.ts, job-output.ts). */
type ComponentScript =
  | "disk-cleanup"
  | "restart-service"
  | "powershell"
  | "disk-check"
  | "reboot"
  | "flush-dns"
  | "install"
  | "gpupdate"
  | "map-drive"
  | "maintenance"
  | "collect-logs";

export interface ComponentDef {
  id: number;
  uid: string;
  name: string;
  description: string;
  categoryCode: "applications" | "scripts" | "monitors";
  credentialsRequired: boolean;
  variables: ComponentVariableDef[];
  script: ComponentScript;
  /** Whether a finished run prints to stdout. */
  printsStdOut: boolean;
  /** Scripts written for Windows fail elsewhere. */
  windowsOnly: boolean;
}

type Spec = Omit<ComponentDef, "id" | "uid" | "variables" | "printsStdOut" | "windowsOnly"> & {
  variables?: Array<[string, VariableType, string, string]>;
  printsStdOut?: boolean;
  windowsOnly?: boolean;
};

const script = (
  name: string,
  scriptKind: ComponentScript,
  description: string,
  variables: Spec["variables"] = [],
  extra: Partial<Spec> = {},
): Spec => ({
  name,
  script: scriptKind,
  description,
  categoryCode: "scripts",
  credentialsRequired: false,
  variables,
  ...extra,
});

const SPECS: Spec[] = [
  script(
    "Disk Cleanup - Temp Files",
    "disk-cleanup",
    "Deletes temporary files older than N days (Windows and user temp folders, update cache) on one drive.",
    [
      ["days", "number", "7", "Delete files older than this many days"],
      ["drive", "string", "C:", "Drive letter to clean"],
      ["includeRecycleBin", "boolean", "false", "Also empty the recycle bin"],
    ],
  ),
  script("Restart service", "restart-service", "Restarts a Windows service by name.", [
    ["serviceName", "string", "Spooler", "Service name (not display name)"],
  ]),
  script("Run PowerShell", "powershell", "Runs an ad-hoc PowerShell command as SYSTEM.", [
    ["command", "string", "Get-Service | Where-Object Status -eq 'Stopped'", "PowerShell command"],
    ["timeoutSeconds", "number", "300", "Abort after this many seconds"],
  ]),
  script("Check disk space", "disk-check", "Reports free space on every fixed volume.", [
    ["warnPercent", "number", "10", "Warn below this free percentage"],
  ]),
  script(
    "Reboot device",
    "reboot",
    "Schedules a reboot with an optional user warning.",
    [
      ["delayMinutes", "number", "5", "Minutes before rebooting"],
      ["force", "boolean", "false", "Close applications without saving"],
    ],
    { printsStdOut: false, windowsOnly: false },
  ),
  script("Flush DNS cache", "flush-dns", "Clears the DNS resolver cache."),
  script(
    "Install 7-Zip",
    "install",
    "Installs or updates 7-Zip (x64).",
    [["removeOlderVersions", "boolean", "true", "Uninstall older 7-Zip versions first"]],
    { categoryCode: "applications" },
  ),
  script("Force Group Policy update", "gpupdate", "Runs gpupdate /force as a domain account.", [], {
    credentialsRequired: true,
  }),
  script(
    "Map network drive",
    "map-drive",
    "Maps a share for every user at logon, with stored domain credentials.",
    [
      ["share", "string", "\\\\FS01\\Shared", "UNC path of the share"],
      ["letter", "string", "S:", "Drive letter"],
    ],
    { credentialsRequired: true },
  ),
  script(
    "Schedule maintenance window",
    "maintenance",
    "Suppresses alerts until the given date.",
    [["until", "date", "2026-12-31", "Last day of the window (yyyy-mm-dd)"]],
    { windowsOnly: false },
  ),
  script(
    "Collect event logs",
    "collect-logs",
    "Zips the System and Application logs to C:\\ProgramData\\Logs.",
    [["hours", "number", "24", "How many hours back"]],
  ),
];

/** Component uids do not depend on the tenant seed, so fixtures may name them. */
export const COMPONENTS: readonly ComponentDef[] = SPECS.map((spec, i) => ({
  ...spec,
  id: 61_000 + i,
  uid: uuidFrom(rngFor("component", spec.name)),
  variables: (spec.variables ?? []).map(([name, type, defaultVal, description]) => ({
    name,
    type,
    defaultVal,
    description,
  })),
  printsStdOut: spec.printsStdOut ?? true,
  windowsOnly: spec.windowsOnly ?? true,
}));

export function findComponent(uid: string): ComponentDef | undefined {
  return COMPONENTS.find((c) => c.uid === uid);
}

export function componentByName(name: string): ComponentDef {
  const found = COMPONENTS.find((c) => c.name === name);
  if (!found) throw new Error(`no component named ${name}`);
  return found;
}

export function componentToWire(def: ComponentDef) {
  return {
    id: def.id,
    uid: def.uid,
    name: def.name,
    description: def.description,
    categoryCode: def.categoryCode,
    credentialsRequired: def.credentialsRequired,
    variables: def.variables.map((v, i) => ({
      name: v.name,
      type: v.type,
      defaultVal: v.defaultVal,
      description: v.description,
      direction: false,
      variablesIdx: i + 1,
    })),
  };
}

/** Values travel as strings and must convert to the declared type (API.md §7). */
export function isConvertible(def: ComponentVariableDef, value: string): boolean {
  switch (def.type) {
    case "number":
      return /^-?\d{1,9}(\.\d+)?$/.test(value.trim());
    case "boolean":
      return /^(true|false)$/i.test(value.trim());
    case "date":
      return DATE_VARIABLE_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
    case "string":
      return true;
  }
}

/** The variables a job runs with: those given, the rest at their defaults (unknowns.ts). */
export function withDefaults(
  component: ComponentDef,
  given: ReadonlyArray<{ name: string; value: string }>,
): Array<{ name: string; value: string }> {
  return component.variables.flatMap((def) => {
    const value = given.find((v) => v.name === def.name)?.value;
    if (value !== undefined) return [{ name: def.name, value }];
    return FILL_MISSING_VARIABLES_WITH_DEFAULTS ? [{ name: def.name, value: def.defaultVal }] : [];
  });
}

export const componentSeed = (componentUid: string, deviceUid: string) =>
  hash32("job", componentUid, deviceUid);

/** The (component, device) pair's luck: about 72% Success, 15% Warning, 13% Failure. */
export function rolledOutcome(
  componentUid: string,
  deviceUid: string,
): "Success" | "Warning" | "Failure" {
  const roll = componentSeed(componentUid, deviceUid) % 100;
  if (roll < 72) return "Success";
  if (roll < 87) return "Warning";
  return "Failure";
}

export const DISK_CLEANUP = componentByName("Disk Cleanup - Temp Files");
