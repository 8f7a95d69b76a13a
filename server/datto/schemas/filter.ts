import { z } from "zod";
import { DattoTimestampSchema, flexibleNumber, nullableString } from "./common";

/** A saved device filter; its `id` is what the device lists take as `filterId`. */
export const DattoFilterSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: nullableString,
  description: nullableString,
  type: nullableString,
  dateCreate: DattoTimestampSchema,
  lastUpdated: DattoTimestampSchema,
});
export type DattoFilter = z.infer<typeof DattoFilterSchema>;

/** GET /v2/system/request_rate (API.md §3). */
export const DattoRequestRateSchema = z.looseObject({
  slidingTimeWindowSizeSeconds: flexibleNumber,
  accountUid: nullableString,
  accountCount: flexibleNumber,
  accountRateLimit: flexibleNumber,
  accountCutOffRatio: flexibleNumber,
  accountWriteRateLimit: flexibleNumber,
  accountWriteCount: flexibleNumber,
  operationWriteStatus: z
    .record(z.string(), z.looseObject({ limit: flexibleNumber, count: flexibleNumber }))
    .nullish(),
});
