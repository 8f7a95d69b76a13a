import { describe, expect, it } from "vitest";
import { DattoAlertSchema } from "../datto/schemas/alert";
import { mapAlert } from "./map-alert";

const NOW = 1_700_000_000_000 + 3 * 3_600_000 + 5 * 60_000;
const alert = (context: unknown, extra: Record<string, unknown> = {}) =>
  mapAlert(
    DattoAlertSchema.parse({
      alertUid: "a1",
      priority: "High",
      timestamp: 1_700_000_000_000,
      alertContext: context,
      alertSourceInfo: { deviceUid: "d1", deviceName: "PC-1", siteUid: "s1", siteName: "Site" },
      ...extra,
    }),
    NOW,
  );
const summary = (context: unknown) => alert(context).contextSummary;

describe("mapAlert", () => {
  it("summarises known context classes in one line", () => {
    expect(
      alert({
        "@class": "perf_disk_usage_ctx",
        diskName: "C:",
        totalVolume: 100,
        freeSpace: 5,
        unitOfMeasure: "GB",
      }).contextSummary,
    ).toBe("C: 5 GB free of 100 GB");
  });

  it("has a one-line summary for every context class of API.md section 6", () => {
    const cases: Array<[unknown, string]> = [
      [{ "@class": "online_offline_status_ctx", status: "OFFLINE" }, "Offline for 3 h"],
      [{ "@class": "online_offline_status_ctx", status: "Online" }, "Device is online"],
      [
        { "@class": "comp_script_ctx", samples: { Result: "FAIL", "": "odd", Count: 3 } },
        "Monitor script: Result: FAIL, Count: 3",
      ],
      [{ "@class": "comp_script_ctx", samples: null }, "Monitor script alert"],
      [
        {
          "@class": "eventlog_ctx",
          logName: "System",
          code: 41,
          type: "Error",
          source: "Kernel-Power",
          description: "The system has rebooted\nwithout cleanly shutting down.",
        },
        "Event 41 Kernel-Power in System (Error): The system has rebooted without cleanly shutting down.",
      ],
      [
        {
          "@class": "patch_ctx",
          patchUid: "p",
          policyUid: "q",
          result: "Failed",
          info: "KB5034441",
        },
        "Patch failed: KB5034441",
      ],
      [
        { "@class": "antivirus_ctx", status: "NotRunning", productName: "Defender" },
        "Antivirus Defender: notrunning",
      ],
      [{ "@class": "perf_resource_usage_ctx", type: "CPU", percentage: "97.25" }, "CPU at 97.3%"],
      [
        {
          "@class": "perf_disk_usage_ctx",
          diskName: "C:",
          totalVolume: 237.4,
          freeSpace: 4.12,
          unitOfMeasure: "GB",
        },
        "C: 4.1 GB free of 237 GB",
      ],
      [
        {
          "@class": "fs_object_ctx",
          path: "D:\\Backups",
          objectType: "Folder",
          condition: "Greater than",
          threshold: 100,
          sample: 120,
        },
        "Folder D:\\Backups greater than 100 (now 120)",
      ],
      [
        { "@class": "process_status_ctx", processName: "sqlservr.exe", status: "Stopped" },
        "Process sqlservr.exe stopped",
      ],
      [
        { "@class": "process_resource_usage_ctx", processName: "chrome", type: "CPU", sample: 88 },
        "Process chrome cpu at 88",
      ],
      [
        { "@class": "srvc_status_ctx", serviceName: "Spooler", status: "Stopped" },
        "Service Spooler stopped",
      ],
      [
        { "@class": "srvc_resource_usage_ctx", serviceName: "W3SVC", type: "Memory", sample: 512 },
        "Service W3SVC memory at 512",
      ],
      [{ "@class": "perf_mon_ctx", value: 12.5 }, "Performance counter at 12.5"],
    ];
    for (const [context, expected] of cases) expect(summary(context)).toBe(expected);
  });

  it("keeps a readable summary when a known class has odd or missing fields", () => {
    expect(summary({ "@class": "srvc_status_ctx" })).toBe("Service ? in unknown state");
    expect(summary({ "@class": "perf_disk_usage_ctx", "": "x", freeSpace: "lots" })).toBe(
      "Disk ? free of ?",
    );
    // Fields of the wrong type fall back to the generic summary rather than breaking the row.
    expect(summary({ "@class": "eventlog_ctx", code: { nested: true } })).toBe("eventlog_ctx");
  });

  it("renders unknown classes generically, ignoring an empty-string key, and never throws", () => {
    const a = alert({ "@class": "brand_new_ctx", "": "odd", level: 7, nested: { x: 1 } });
    expect(a).toMatchObject({
      contextClass: "brand_new_ctx",
      contextSummary: "brand_new_ctx (level: 7)",
    });
    expect(alert(null).contextSummary).toBe("Alert");
  });

  it("maps an unknown priority to Unknown and keeps the source", () => {
    expect(alert({}, { priority: "Severe" })).toMatchObject({
      priority: "Unknown",
      deviceUid: "d1",
      siteName: "Site",
      resolved: false,
    });
  });
});
