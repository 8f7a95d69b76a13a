import { ALERT_PRIORITIES, type AlertDetail, type DeviceAlert } from "../contract/alerts";
import type { DattoAlert } from "../datto/schemas/alert";
import type { DattoAlertContext, KnownAlertContext } from "../datto/schemas/alert-context";

const v = (value: string | number | null | undefined, fallback = "?") =>
  value === null || value === undefined || value === "" ? fallback : String(value);

const lower = (value: string | null | undefined, fallback: string) =>
  value === null || value === undefined || value === "" ? fallback : value.toLowerCase();

/** 4.1, 237, 0.25: a measurement as a person reads it. */
const amount = (value: number | null | undefined) => {
  if (value === null || value === undefined || !Number.isFinite(value)) return "?";
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 1 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
};

/** "3 h", "45 min", "2 d": how long, for "Offline for 3 h". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

export type SummaryClock = { timestamp: number | null; now: number };

function knownSummary(c: KnownAlertContext, at: SummaryClock | null): string {
  switch (c["@class"]) {
    case "online_offline_status_ctx": {
      const status = lower(c.status, "offline");
      if (status !== "offline") return `Device is ${status}`;
      return at?.timestamp != null
        ? `Offline for ${durationText(at.now - at.timestamp)}`
        : "Device is offline";
    }
    case "comp_script_ctx": {
      const samples = Object.entries(c.samples ?? {})
        .filter(([k]) => k !== "")
        .slice(0, 3);
      const text = samples.map(
        ([k, s]) => `${k}: ${typeof s === "object" ? JSON.stringify(s) : String(s)}`,
      );
      return text.length ? `Monitor script: ${text.join(", ")}` : "Monitor script alert";
    }
    case "eventlog_ctx": {
      const head = `Event ${v(c.code)} ${v(c.source)} in ${v(c.logName)}`;
      const type = c.type ? ` (${c.type})` : "";
      const description = c.description ? `: ${c.description.replace(/\s+/g, " ").trim()}` : "";
      return `${head}${type}${description}`;
    }
    case "patch_ctx":
      return `Patch ${lower(c.result, "alert")}${c.info ? `: ${c.info}` : ""}`;
    case "antivirus_ctx":
      return `Antivirus ${v(c.productName, "product")}: ${lower(c.status, "unknown state")}`;
    case "perf_resource_usage_ctx":
      return `${v(c.type, "Resource")} at ${amount(c.percentage)}%`;
    case "perf_disk_usage_ctx": {
      const unit = c.unitOfMeasure ? ` ${c.unitOfMeasure}` : "";
      return `${v(c.diskName, "Disk")} ${amount(c.freeSpace)}${unit} free of ${amount(c.totalVolume)}${unit}`;
    }
    case "fs_object_ctx":
      return `${v(c.objectType, "File")} ${v(c.path)} ${lower(c.condition, "")} ${c.threshold == null ? "" : amount(c.threshold)} (now ${amount(c.sample)})`.replace(
        /\s+/g,
        " ",
      );
    case "process_status_ctx":
      return `Process ${v(c.processName)} ${lower(c.status, "in unknown state")}`;
    case "process_resource_usage_ctx":
      return `Process ${v(c.processName)} ${lower(c.type, "usage")} at ${amount(c.sample)}`;
    case "srvc_status_ctx":
      return `Service ${v(c.serviceName)} ${lower(c.status, "in unknown state")}`;
    case "srvc_resource_usage_ctx":
      return `Service ${v(c.serviceName)} ${lower(c.type, "usage")} at ${amount(c.sample)}`;
    case "perf_mon_ctx":
      return `Performance counter at ${amount(c.value)}`;
  }
}

/** Unknown classes: the first few scalar fields, so a person still sees something useful. */
function genericSummary(context: DattoAlertContext): string {
  const fields = Object.entries(context.raw)
    .filter(
      ([k, value]) => k !== "@class" && k !== "" && value !== null && typeof value !== "object",
    )
    .slice(0, 4)
    .map(([k, value]) => `${k}: ${String(value).replace(/\s+/g, " ")}`);
  const name = context.className ?? "Alert";
  return fields.length ? `${name} (${fields.join(", ")})` : name;
}

export function contextSummary(context: DattoAlertContext, at: SummaryClock | null = null): string {
  const text = context.known ? knownSummary(context.known, at) : genericSummary(context);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

const PRIORITIES = new Set<string>(ALERT_PRIORITIES);

/** `now` lets a summary say how long ("Offline for 3 h"); without it the summary says less. */
export function mapAlert(a: DattoAlert, now: number | null = null): DeviceAlert {
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
    contextSummary: contextSummary(
      a.alertContext,
      now === null ? null : { timestamp: a.timestamp, now },
    ),
    deviceUid: a.alertSourceInfo?.deviceUid ?? null,
    deviceName: a.alertSourceInfo?.deviceName ?? null,
    siteUid: a.alertSourceInfo?.siteUid ?? null,
    siteName: a.alertSourceInfo?.siteName ?? null,
  };
}

/** Newest first. */
export const byNewest = (a: DeviceAlert, b: DeviceAlert) => (b.timestamp ?? 0) - (a.timestamp ?? 0);

const fieldText = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

/** The parts of an alert only its detail shows: every context field, response actions, ticket. */
export function mapAlertExtras(
  a: DattoAlert,
): Pick<
  AlertDetail,
  | "diagnostics"
  | "contextFields"
  | "responseActions"
  | "ticketNumber"
  | "sendsEmails"
  | "createsTicket"
  | "autoresolveMins"
> {
  return {
    diagnostics: a.diagnostics ?? null,
    contextFields: Object.entries(a.alertContext.raw)
      .filter(([key]) => key !== "@class")
      .slice(0, 100)
      .map(([key, value]) => ({ key, value: fieldText(value).slice(0, 2000) })),
    responseActions: (a.responseActions ?? []).slice(0, 100).map((r) => ({
      actionTime: r.actionTime ?? null,
      actionType: r.actionType ?? null,
      description: r.description ?? null,
      actionReference: r.actionReference ?? null,
    })),
    ticketNumber:
      a.ticketNumber === null || a.ticketNumber === undefined ? null : String(a.ticketNumber),
    sendsEmails: a.alertMonitorInfo?.sendsEmails ?? null,
    createsTicket: a.alertMonitorInfo?.createsTicket ?? null,
    autoresolveMins: a.autoresolveMins ?? null,
  };
}
