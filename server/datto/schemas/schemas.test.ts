import { describe, expect, it } from "vitest";
import { DattoAlertSchema } from "./alert";
import { DattoTimestampSchema } from "./common";
import { DattoDeviceSchema } from "./device";
import { DattoQuickJobRequestSchema } from "./job";

describe("DattoTimestampSchema (API.md §6)", () => {
  it("accepts epoch ms numbers, numeric strings and ISO strings, normalising to epoch ms", () => {
    expect(DattoTimestampSchema.parse(1_762_000_000_000)).toBe(1_762_000_000_000);
    expect(DattoTimestampSchema.parse("1762000000000")).toBe(1_762_000_000_000);
    expect(DattoTimestampSchema.parse("2026-11-02T09:00:00Z")).toBe(Date.UTC(2026, 10, 2, 9));
    expect(DattoTimestampSchema.parse(null)).toBeNull();
    expect(DattoTimestampSchema.parse("not a date")).toBeNull();
  });
});

describe("DattoDeviceSchema", () => {
  it("keeps unknown keys, allows nulls and normalises timestamps", () => {
    const device = DattoDeviceSchema.parse({
      uid: "d1",
      hostname: null,
      lastSeen: "2026-11-02T09:00:00.000Z",
      udf: { udf1: "x", udf2: null, udf3: 7 },
      antivirus: null,
      brandNewField: { nested: true },
    });
    expect(device.lastSeen).toBe(Date.UTC(2026, 10, 2, 9));
    expect(device.udf).toEqual({ udf1: "x", udf3: "7" }); // empty UDFs dropped, numbers as text
    expect((device as Record<string, unknown>).brandNewField).toEqual({ nested: true });
  });

  it("rejects an item without a uid (so a list can skip it)", () => {
    expect(DattoDeviceSchema.safeParse({ hostname: "x" }).success).toBe(false);
  });
});

describe("DattoAlertSchema alertContext", () => {
  const alert = (alertContext: unknown) => DattoAlertSchema.parse({ alertUid: "a1", alertContext });

  it("types known classes", () => {
    const parsed = alert({
      "@class": "perf_disk_usage_ctx",
      diskName: "C:",
      totalVolume: 100,
      freeSpace: "3.5",
    });
    expect(parsed.alertContext.known).toMatchObject({
      "@class": "perf_disk_usage_ctx",
      freeSpace: 3.5,
    });
  });

  it("keeps unknown classes and an empty-string key generically", () => {
    const parsed = alert({ "@class": "backup_mgmt_ctx", "": null, errorCode: "BKP-409" });
    expect(parsed.alertContext.className).toBe("backup_mgmt_ctx");
    expect(parsed.alertContext.known).toBeNull();
    expect(parsed.alertContext.raw).toEqual({
      "@class": "backup_mgmt_ctx",
      "": null,
      errorCode: "BKP-409",
    });
  });

  it("survives a missing context", () => {
    expect(alert(null).alertContext).toEqual({ className: null, known: null, raw: {} });
  });
});

describe("DattoQuickJobRequestSchema (API.md §7)", () => {
  it("requires the nested jobComponent", () => {
    expect(DattoQuickJobRequestSchema.safeParse({ jobName: "x", componentUid: "c" }).success).toBe(
      false,
    );
    expect(
      DattoQuickJobRequestSchema.parse({ jobName: "x", jobComponent: { componentUid: "c" } }),
    ).toEqual({ jobName: "x", jobComponent: { componentUid: "c", variables: [] } });
  });
});
