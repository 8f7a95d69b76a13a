import { hash32, rngFor, uuidFrom } from "./prng";

export type VariableType = "string" | "integer" | "boolean" | "date" | "selection";

export interface ComponentVariableDef {
  name: string;
  type: VariableType;
  defaultVal: string;
  description: string;
  options?: readonly string[];
}

export interface ComponentDef {
  id: number;
  uid: string;
  name: string;
  description: string;
  categoryCode: "applications" | "scripts" | "monitors";
  credentialsRequired: boolean;
  variables: ComponentVariableDef[];
  /** Output style used by job-output.ts. */
  output:
    | "temp-clean"
    | "restart-service"
    | "powershell"
    | "disk-check"
    | "reboot"
    | "flush-dns"
    | "install"
    | "gpupdate"
    | "generic";
  /** Whether a finished run prints to stdout. */
  printsStdOut: boolean;
}

type Spec = Omit<ComponentDef, "id" | "uid">;

const SPECS: Spec[] = [
  {
    name: "Clean temp files",
    description: "Deletes files older than N days from user and Windows temp folders.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "temp-clean",
    printsStdOut: true,
    variables: [
      {
        name: "days",
        type: "integer",
        defaultVal: "7",
        description: "Delete files older than this many days",
      },
      {
        name: "includeRecycleBin",
        type: "boolean",
        defaultVal: "false",
        description: "Also empty the recycle bin",
      },
    ],
  },
  {
    name: "Restart service",
    description: "Restarts a Windows service by name.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "restart-service",
    printsStdOut: true,
    variables: [
      {
        name: "serviceName",
        type: "string",
        defaultVal: "Spooler",
        description: "Service name (not display name)",
      },
    ],
  },
  {
    name: "Run PowerShell",
    description: "Runs an ad-hoc PowerShell command as SYSTEM.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "powershell",
    printsStdOut: true,
    variables: [
      {
        name: "command",
        type: "string",
        defaultVal: "Get-Service | Where-Object Status -eq 'Stopped'",
        description: "PowerShell command",
      },
      {
        name: "timeoutSeconds",
        type: "integer",
        defaultVal: "300",
        description: "Abort after this many seconds",
      },
    ],
  },
  {
    name: "Check disk space",
    description: "Reports free space on every fixed volume.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "disk-check",
    printsStdOut: true,
    variables: [
      {
        name: "warnPercent",
        type: "integer",
        defaultVal: "10",
        description: "Warn below this free percentage",
      },
    ],
  },
  {
    name: "Reboot device",
    description: "Schedules a reboot with an optional user warning.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "reboot",
    printsStdOut: false,
    variables: [
      {
        name: "delayMinutes",
        type: "integer",
        defaultVal: "5",
        description: "Minutes before rebooting",
      },
      {
        name: "force",
        type: "boolean",
        defaultVal: "false",
        description: "Close applications without saving",
      },
    ],
  },
  {
    name: "Flush DNS cache",
    description: "Clears the DNS resolver cache.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "flush-dns",
    printsStdOut: true,
    variables: [],
  },
  {
    name: "Install 7-Zip",
    description: "Installs or updates 7-Zip (x64).",
    categoryCode: "applications",
    credentialsRequired: false,
    output: "install",
    printsStdOut: true,
    variables: [
      {
        name: "channel",
        type: "selection",
        defaultVal: "stable",
        description: "Release channel",
        options: ["stable", "beta"],
      },
    ],
  },
  {
    name: "Force Group Policy update",
    description: "Runs gpupdate /force.",
    categoryCode: "scripts",
    credentialsRequired: true,
    output: "gpupdate",
    printsStdOut: true,
    variables: [],
  },
  {
    name: "Schedule maintenance window",
    description: "Suppresses alerts until the given date.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "generic",
    printsStdOut: true,
    variables: [
      {
        name: "until",
        type: "date",
        defaultVal: "2026-12-31",
        description: "Last day of the window (yyyy-mm-dd)",
      },
    ],
  },
  {
    name: "Collect event logs",
    description: "Zips the System and Application logs to C:\\ProgramData\\Logs.",
    categoryCode: "scripts",
    credentialsRequired: false,
    output: "generic",
    printsStdOut: true,
    variables: [
      { name: "hours", type: "integer", defaultVal: "24", description: "How many hours back" },
    ],
  },
];

/** Component uids do not depend on the tenant seed, so fixtures may name them. */
export const COMPONENTS: readonly ComponentDef[] = SPECS.map((spec, i) => ({
  ...spec,
  id: 61_000 + i,
  uid: uuidFrom(rngFor("component", spec.name)),
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
    case "integer":
      return /^-?\d{1,9}$/.test(value.trim());
    case "boolean":
      return /^(true|false)$/i.test(value.trim());
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case "selection":
      return (def.options ?? []).includes(value);
    case "string":
      return true;
  }
}

export const componentSeed = (componentUid: string, deviceUid: string) =>
  hash32("job", componentUid, deviceUid);
