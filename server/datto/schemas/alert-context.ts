import { z } from "zod";
import { anyRecord, flexibleNumber } from "./common";

/** Text or number, kept as text: contexts mix them freely (e.g. eventlog `code`). */
const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v == null ? null : String(v)));

const ctx = <C extends string, S extends z.ZodRawShape>(className: C, shape: S) =>
  z.looseObject({ "@class": z.literal(className), ...shape });

/** The "@class" values seen on real tenants, with their real fields (API.md §6, not the spec's). */
export const KnownAlertContextSchema = z.discriminatedUnion("@class", [
  ctx("online_offline_status_ctx", { status: text }),
  ctx("comp_script_ctx", { samples: anyRecord.nullish() }),
  ctx("eventlog_ctx", { logName: text, code: text, type: text, source: text, description: text }),
  ctx("patch_ctx", { patchUid: text, policyUid: text, result: text, info: text }),
  ctx("antivirus_ctx", { status: text, productName: text }),
  ctx("perf_resource_usage_ctx", { type: text, percentage: flexibleNumber }),
  ctx("perf_disk_usage_ctx", {
    diskName: text,
    totalVolume: flexibleNumber,
    freeSpace: flexibleNumber,
    unitOfMeasure: text,
  }),
  ctx("fs_object_ctx", {
    path: text,
    objectType: text,
    condition: text,
    threshold: flexibleNumber,
    sample: flexibleNumber,
  }),
  ctx("process_status_ctx", { processName: text, status: text }),
  ctx("process_resource_usage_ctx", { processName: text, type: text, sample: flexibleNumber }),
  ctx("srvc_status_ctx", { serviceName: text, status: text }),
  ctx("srvc_resource_usage_ctx", { serviceName: text, type: text, sample: flexibleNumber }),
  ctx("perf_mon_ctx", { value: flexibleNumber }),
]);
export type KnownAlertContext = z.infer<typeof KnownAlertContextSchema>;

export interface DattoAlertContext {
  /** The "@class" tag, null when absent. */
  className: string | null;
  /** Typed fields when the class is known and readable; null for unknown classes (render `raw`). */
  known: KnownAlertContext | null;
  /** Every key as Datto sent it, including unknown ones and even an empty-string key. */
  raw: Record<string, unknown>;
}

export function parseAlertContext(raw: Record<string, unknown> | null): DattoAlertContext {
  const record = raw ?? {};
  const tag = record["@class"];
  const parsed = KnownAlertContextSchema.safeParse(record);
  return {
    className: typeof tag === "string" ? tag : null,
    known: parsed.success ? parsed.data : null,
    raw: record,
  };
}
