import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { DattoAlertSchema } from "./alert";
import { DattoDeviceAuditSchema } from "./audit";
import { DattoTimestampSchema } from "./common";
import { DattoDeviceSchema } from "./device";
import { DattoFilterSchema } from "./filter";
import { DattoJobResultsSchema, DattoJobSchema, DattoQuickJobRequestSchema } from "./job";

describe("DattoTimestampSchema (API.md §6)", () => {
  it("accepts epoch ms numbers, numeric strings and ISO strings, normalising to epoch ms", () => {
    expect(DattoTimestampSchema.parse(1_762_000_000_000)).toBe(1_762_000_000_000);
    expect(DattoTimestampSchema.parse("1762000000000")).toBe(1_762_000_000_000);
    expect(DattoTimestampSchema.parse("2026-11-02T09:00:00Z")).toBe(Date.UTC(2026, 10, 2, 9));
    expect(DattoTimestampSchema.parse(null)).toBeNull();
    expect(DattoTimestampSchema.parse("not a date")).toBeNull();
  });
});

describe("every Datto date field reads both wire forms (API.md §6)", () => {
  const at = Date.UTC(2026, 10, 30, 14, 3, 11);
  const forms = [
    ["an ISO-8601 string", "2026-11-30T14:03:11Z"],
    ["epoch milliseconds", at],
  ] as const;
  /** [schema, object with the date put in by `put`, the date read back by `read`] */
  const fields: Array<[string, ZodType, (v: unknown) => unknown, (o: never) => unknown]> = [
    [
      "Device.lastSeen",
      DattoDeviceSchema,
      (v) => ({ uid: "d", lastSeen: v }),
      (o: { lastSeen: number }) => o.lastSeen,
    ],
    [
      "Device.creationDate",
      DattoDeviceSchema,
      (v) => ({ uid: "d", creationDate: v }),
      (o: { creationDate: number }) => o.creationDate,
    ],
    [
      "Alert.timestamp",
      DattoAlertSchema,
      (v) => ({ alertUid: "a", timestamp: v }),
      (o: { timestamp: number }) => o.timestamp,
    ],
    [
      "Alert.resolvedOn",
      DattoAlertSchema,
      (v) => ({ alertUid: "a", resolvedOn: v }),
      (o: { resolvedOn: number }) => o.resolvedOn,
    ],
    [
      "Alert.responseActions[].actionTime",
      DattoAlertSchema,
      (v) => ({ alertUid: "a", responseActions: [{ actionTime: v }] }),
      (o: { responseActions: Array<{ actionTime: number }> }) => o.responseActions[0]?.actionTime,
    ],
    [
      "DeviceAudit.bios.releaseDate",
      DattoDeviceAuditSchema,
      (v) => ({ bios: { releaseDate: v } }),
      (o: { bios: { releaseDate: number } }) => o.bios.releaseDate,
    ],
    [
      "Filter.dateCreate",
      DattoFilterSchema,
      (v) => ({ id: 1, dateCreate: v }),
      (o: { dateCreate: number }) => o.dateCreate,
    ],
    [
      "Filter.lastUpdated",
      DattoFilterSchema,
      (v) => ({ id: 1, lastUpdated: v }),
      (o: { lastUpdated: number }) => o.lastUpdated,
    ],
    [
      "Job.dateCreated",
      DattoJobSchema,
      (v) => ({ uid: "j", dateCreated: v }),
      (o: { dateCreated: number }) => o.dateCreated,
    ],
    [
      "JobResults.ranOn",
      DattoJobResultsSchema,
      (v) => ({ ranOn: v }),
      (o: { ranOn: number }) => o.ranOn,
    ],
  ];
  for (const [name, schema, put, read] of fields) {
    for (const [form, value] of forms) {
      it(`${name} as ${form}`, () => {
        expect(read(schema.parse(put(value)) as never)).toBe(at);
      });
    }
  }
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

  it("reads a device without a udf object as one with no UDFs", () => {
    expect(DattoDeviceSchema.parse({ uid: "d1" }).udf).toEqual({});
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
