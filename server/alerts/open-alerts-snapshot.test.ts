import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DattoAlertSchema } from "../datto/schemas/alert";
import { countsByDevice, toEntry } from "./open-alert-entry";
import { decodeOpenAlerts, encodeOpenAlerts } from "./open-alerts-snapshot";

const NOW = 1_700_000_000_000;
const dattoAlert = (uid: string, priority: string, deviceUid: string) =>
  DattoAlertSchema.parse({
    alertUid: uid,
    priority,
    timestamp: NOW - 60_000,
    diagnostics: "Disk C: nearly full",
    alertContext: {
      "@class": "perf_disk_usage_ctx",
      diskName: "C:",
      totalVolume: 100,
      freeSpace: 5,
    },
    alertSourceInfo: { deviceUid, deviceName: "PC-1", siteUid: "s1", siteName: "Site" },
  });

describe("the stored open-alert list", () => {
  it("reads back what it wrote: rows, extras and the search text over diagnostics", async () => {
    const entries = [
      toEntry(dattoAlert("a1", "Critical", "d1"), NOW, NOW - 5_000),
      toEntry(dattoAlert("a2", "Low", "d1"), NOW, NOW),
    ];
    const decoded = await decodeOpenAlerts(await encodeOpenAlerts(entries));
    expect(decoded && [...decoded.keys()]).toEqual(["a1", "a2"]);
    expect(decoded?.get("a1")).toEqual(entries[0]);
    expect(decoded?.get("a1")?.text).toContain("disk c: nearly full");
    expect(countsByDevice(decoded!.values()).get("d1")).toMatchObject({
      total: 2,
      critical: 1,
      low: 1,
    });
  });

  it("refuses a payload this code did not write, rather than serving a wrong list", async () => {
    const foreign = gzipSync(JSON.stringify({ entries: [{ row: { alertUid: 1 } }] }));
    expect(await decodeOpenAlerts(foreign)).toBeNull();
  });
});
