import { describe, expect, it } from "vitest";
import { DattoAlertSchema } from "../datto/schemas/alert";
import { mapAlert } from "./map-alert";

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
  );

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
    ).toBe("Disk C: 5 GB free of 100 GB");
    expect(
      alert({ "@class": "srvc_status_ctx", serviceName: "Spooler", status: "Stopped" })
        .contextSummary,
    ).toBe("Service Spooler is Stopped");
    expect(alert({ "@class": "online_offline_status_ctx", status: "OFFLINE" }).contextSummary).toBe(
      "Device is offline",
    );
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
