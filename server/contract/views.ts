import { z } from "zod";
import { AlertQueueQuerySchema } from "./alerts";
import { DeviceQuerySchema, UDF_KEY_PATTERN } from "./devices";
import { FreshnessSchema } from "./freshness";

/** Ways to look at the device list: saved views, admin-given UDF names, Datto's saved filters. */

export const SavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: DeviceQuerySchema,
  /** Visible column keys in order (DEVICE_COLUMN_KEYS or "udfN"). */
  columns: z.array(z.string()),
  createdAt: z.number(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** Body of POST /api/views. */
export const CreateSavedViewSchema = z.object({
  name: z
    .string({ error: "Give the view a name." })
    .trim()
    .min(1, "Give the view a name.")
    .max(100, "View names can have at most 100 characters."),
  query: DeviceQuerySchema,
  columns: z
    .array(z.string().max(40), { error: "columns must be a list of column keys." })
    .max(400, "At most 400 columns."),
});
export type CreateSavedView = z.infer<typeof CreateSavedViewSchema>;

/** GET /api/views */
export const SavedViewListSchema = z.object({ views: z.array(SavedViewSchema) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

/** How a saved alert-queue view groups the queue. */
export const ALERT_VIEW_GROUPS = ["site", "device", "class"] as const;

/**
 * A saved view of the alert queue (kind "alerts" of the same per-person saved views). `params` are
 * the queue's URL parameters as text; a stored view that an older version wrote and that no longer
 * parses keeps only what still does (the SPA parses them with AlertQueueQuerySchema).
 */
export const AlertSavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  params: z.record(z.string(), z.string()),
  group: z.enum(ALERT_VIEW_GROUPS).nullable(),
  createdAt: z.number(),
});
export type AlertSavedView = z.infer<typeof AlertSavedViewSchema>;

const ALERT_VIEW_PARAMS = Object.keys(AlertQueueQuerySchema.shape).filter(
  (k) => k !== "offset" && k !== "limit" && k !== "groupBy",
);

/** Body of POST /api/views/alerts. */
export const CreateAlertSavedViewSchema = z.object({
  name: CreateSavedViewSchema.shape.name,
  params: z
    .record(
      z.string(),
      z.string().max(4000, "A view parameter can have at most 4000 characters."),
      {
        error: "params must be the queue's parameters, as text.",
      },
    )
    .superRefine((params, ctx) => {
      for (const key of Object.keys(params)) {
        if (!ALERT_VIEW_PARAMS.includes(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `${key} is not a queue filter.` });
        }
      }
      const parsed = AlertQueueQuerySchema.safeParse(params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        }
      }
    }),
  group: z
    .enum(ALERT_VIEW_GROUPS, { error: `group must be one of ${ALERT_VIEW_GROUPS.join(", ")}.` })
    .nullable()
    .default(null),
});
export type CreateAlertSavedView = z.infer<typeof CreateAlertSavedViewSchema>;

/** GET /api/views/alerts */
export const AlertSavedViewListSchema = z.object({ views: z.array(AlertSavedViewSchema) });
export type AlertSavedViewList = z.infer<typeof AlertSavedViewListSchema>;

/**
 * { "udf3": "Contract", ... }: admin-given UDF names. An empty label removes the name. Keys are
 * checked on the body as sent: zod's record silently drops an own "__proto__" key, which would
 * otherwise pass as if it had not been sent.
 */
export const UdfLabelsSchema = z
  .custom<Record<string, unknown>>()
  .superRefine((raw, ctx) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return;
    for (const key of Object.keys(raw)) {
      if (!UDF_KEY_PATTERN.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "UDF keys are udf1 to udf300." });
      }
    }
  })
  .pipe(
    z.record(z.string(), z.string().trim().max(100, "UDF labels can have at most 100 characters.")),
  );
export type UdfLabels = z.infer<typeof UdfLabelsSchema>;

/** A Datto saved device filter, usable as `filterId` in a device query. */
export const DattoFilterSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(["default", "custom", "site"]),
});
export type DattoFilter = z.infer<typeof DattoFilterSchema>;

/** GET /api/fleet/filters */
export const FilterListResponseSchema = z.object({
  filters: z.array(DattoFilterSchema),
  freshness: FreshnessSchema,
});
export type FilterListResponse = z.infer<typeof FilterListResponseSchema>;
