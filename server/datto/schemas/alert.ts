import { z } from "zod";
import {
  anyRecord,
  DattoTimestampSchema,
  flexibleNumber,
  nullableBoolean,
  nullableString,
} from "./common";
import { parseAlertContext } from "./alert-context";

/** alertContext: typed when its "@class" is known, always kept whole in `raw` (API.md §6). */
export const DattoAlertContextSchema = z
  .union([anyRecord, z.null()])
  .optional()
  .transform((raw) => parseAlertContext(raw ?? null));

/** Items of the alert lists and GET /v2/alert/{uid}. There is no acknowledge state in Datto. */
export const DattoAlertSchema = z.looseObject({
  alertUid: z.string(),
  /** Critical | High | Moderate | Low | Information | Unknown; kept as text. */
  priority: nullableString,
  diagnostics: nullableString,
  resolved: nullableBoolean,
  resolvedBy: nullableString,
  resolvedOn: DattoTimestampSchema,
  muted: nullableBoolean,
  ticketNumber: z.union([z.string(), z.number()]).nullish(),
  timestamp: DattoTimestampSchema,
  alertMonitorInfo: z
    .looseObject({ sendsEmails: nullableBoolean, createsTicket: nullableBoolean })
    .nullish(),
  alertContext: DattoAlertContextSchema,
  alertSourceInfo: z
    .looseObject({
      deviceUid: nullableString,
      deviceName: nullableString,
      siteUid: nullableString,
      siteName: nullableString,
    })
    .nullish(),
  responseActions: z
    .array(
      z.looseObject({
        actionTime: DattoTimestampSchema,
        actionType: nullableString,
        description: nullableString,
        actionReference: nullableString,
      }),
    )
    .nullish(),
  autoresolveMins: flexibleNumber,
});
export type DattoAlert = z.infer<typeof DattoAlertSchema>;
