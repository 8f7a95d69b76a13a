import { endpointText } from "@/lib/endpoint-text";

/** "srvc_status_ctx" -> "Service status": the kinds as a person names them. */
export function classLabel(c: string): string {
  const known: Record<string, string> = {
    none: "No context",
    online_offline_status_ctx: "Online/offline",
    comp_script_ctx: "Monitor script",
    eventlog_ctx: "Event log",
    patch_ctx: "Patch",
    antivirus_ctx: "Antivirus",
    perf_resource_usage_ctx: "CPU/memory usage",
    perf_disk_usage_ctx: "Disk space",
    fs_object_ctx: "File/folder",
    process_status_ctx: "Process status",
    process_resource_usage_ctx: "Process usage",
    srvc_status_ctx: "Service status",
    srvc_resource_usage_ctx: "Service usage",
    perf_mon_ctx: "Performance counter",
  };
  return known[c] ?? endpointText(c);
}
