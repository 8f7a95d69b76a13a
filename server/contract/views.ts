import { z } from "zod";
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
