import { ALERT_PRIORITIES, type DeviceAlert } from "../contract/alerts";
import type { DattoAlert } from "../datto/schemas/alert";
import type { DattoAlertContext, KnownAlertContext } from "../datto/schemas/alert-context";

const v = (value: string | number | null | undefined, fallback = "?") =>
  value === null || value === undefined || value === "" ? fallback : String(value);

function knownSummary(c: KnownAlertContext): string {
  switch (c["@class"]) {
    case "online_offline_status_ctx":
      return `Device is ${v(c.status, "offline").toLowerCase()}`;
    case "comp_script_ctx": {
      const samples = Object.entries(c.samples ?? {}).slice(0, 3);
      const text = samples.map(
        ([k, s]) => `${k}: ${typeof s === "object" ? JSON.stringify(s) : String(s)}`,
      );
      return text.length ? `Monitor script: ${text.join(", ")}` : "Monitor script alert";
    }
    case "eventlog_ctx":
      return `Event ${v(c.code)} (${v(c.type)}) from ${v(c.source)} in ${v(c.logName)}: ${v(c.description, "")}`.trim();
    case "patch_ctx":
      return `Patch ${v(c.result)}${c.info ? `: ${c.info}` : ""}`;
    case "antivirus_ctx":
      return `Antivirus ${v(c.productName, "product")} is ${v(c.status)}`;
    case "perf_resource_usage_ctx":
      return `${v(c.type, "Resource")} usage at ${v(c.percentage)}%`;
    case "perf_disk_usage_ctx": {
      const unit = c.unitOfMeasure ? ` ${c.unitOfMeasure}` : "";
      return `Disk ${v(c.diskName)} ${v(c.freeSpace)}${unit} free of ${v(c.totalVolume)}${unit}`;
    }
    case "fs_object_ctx":
      return `${v(c.objectType, "File")} ${v(c.path)} ${v(c.condition, "")} ${v(c.threshold, "")} (now ${v(c.sample)})`.replace(
        /\s+/g,
        " ",
      );
    case "process_status_ctx":
      return `Process ${v(c.processName)} is ${v(c.status)}`;
    case "process_resource_usage_ctx":
      return `Process ${v(c.processName)} ${v(c.type, "usage")} at ${v(c.sample)}`;
    case "srvc_status_ctx":
      return `Service ${v(c.serviceName)} is ${v(c.status)}`;
    case "srvc_resource_usage_ctx":
      return `Service ${v(c.serviceName)} ${v(c.type, "usage")} at ${v(c.sample)}`;
    case "perf_mon_ctx":
      return `Performance counter at ${v(c.value)}`;
  }
}

/** Unknown classes: the first few scalar fields, so a person still sees something useful. */
function genericSummary(context: DattoAlertContext): string {
  const fields = Object.entries(context.raw)
    .filter(
      ([k, value]) => k !== "@class" && k !== "" && value !== null && typeof value !== "object",
    )
    .slice(0, 4)
    .map(([k, value]) => `${k}: ${String(value)}`);
  const name = context.className ?? "Alert";
  return fields.length ? `${name} (${fields.join(", ")})` : name;
}

export function contextSummary(context: DattoAlertContext): string {
  const text = context.known ? knownSummary(context.known) : genericSummary(context);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

const PRIORITIES = new Set<string>(ALERT_PRIORITIES);

export function mapAlert(a: DattoAlert): DeviceAlert {
  const priority = a.priority && PRIORITIES.has(a.priority) ? a.priority : "Unknown";
  return {
    alertUid: a.alertUid,
    priority: priority as DeviceAlert["priority"],
    diagnostics: a.diagnostics ?? null,
    timestamp: a.timestamp,
    resolved: a.resolved ?? false,
    resolvedBy: a.resolvedBy ?? null,
    resolvedOn: a.resolvedOn,
    contextClass: a.alertContext.className,
    contextSummary: contextSummary(a.alertContext),
    deviceUid: a.alertSourceInfo?.deviceUid ?? null,
    deviceName: a.alertSourceInfo?.deviceName ?? null,
    siteUid: a.alertSourceInfo?.siteUid ?? null,
    siteName: a.alertSourceInfo?.siteName ?? null,
  };
}

/** Newest first. */
export const byNewest = (a: DeviceAlert, b: DeviceAlert) => (b.timestamp ?? 0) - (a.timestamp ?? 0);
