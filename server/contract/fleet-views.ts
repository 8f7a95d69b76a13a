import { z } from "zod";
import { FreshnessSchema } from "./freshness";
import {
  AlertCountsSchema,
  DeviceQuerySchema,
  FleetSyncStatusSchema,
  UDF_KEY_PATTERN,
} from "./fleet";

/** Saved views, UDF labels, Datto filters, fleet status and the fleet-wide software search. */

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

/** { "udf3": "Contract", ... }: admin-given UDF names. An empty label removes the name. */
export const UdfLabelsSchema = z
  .record(z.string(), z.string().trim().max(100, "UDF labels can have at most 100 characters."))
  .superRefine((labels, ctx) => {
    for (const key of Object.keys(labels)) {
      if (!UDF_KEY_PATTERN.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "UDF keys are udf1 to udf300." });
      }
    }
  });
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

/** GET /api/fleet/status */
export const FleetStatusResponseSchema = z.object({
  sync: FleetSyncStatusSchema,
  freshness: FreshnessSchema,
  counts: z.object({
    sites: z.number(),
    devices: z.number(),
    online: z.number(),
    offline: z.number(),
    openAlerts: AlertCountsSchema,
  }),
});
export type FleetStatusResponse = z.infer<typeof FleetStatusResponseSchema>;

/** Query of GET /api/software/search. */
export const SoftwareSearchQuerySchema = z.object({
  name: z
    .string({ error: "Say which software to look for: ?name=..." })
    .trim()
    .min(2, "Type at least 2 characters of the software name.")
    .max(200, "The software name can have at most 200 characters."),
  siteUid: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional())
    .optional(),
});
export type SoftwareSearchQuery = z.infer<typeof SoftwareSearchQuerySchema>;

/** At most this many matches are listed; counts and versions cover them all. */
export const SOFTWARE_MATCH_LIMIT = 1000;

/** GET /api/software/search: the UI polls until progress.state is "done". */
export const SoftwareSearchResponseSchema = z.object({
  query: z.string(),
  scope: z.object({ siteUid: z.string().nullable(), siteName: z.string().nullable() }),
  progress: z.object({
    /** Devices whose software audit is known (cached or fetched). */
    done: z.number(),
    total: z.number(),
    state: z.enum(["crawling", "done", "error"]),
  }),
  matches: z.array(
    z.object({
      deviceUid: z.string(),
      hostname: z.string(),
      siteName: z.string(),
      name: z.string(),
      version: z.string(),
    }),
  ),
  /** All matches, even past SOFTWARE_MATCH_LIMIT. */
  matchCount: z.number(),
  deviceCount: z.number(),
  truncated: z.boolean(),
  /** Most common first. */
  versions: z.array(z.object({ version: z.string(), count: z.number() })),
  freshness: FreshnessSchema,
});
export type SoftwareSearchResponse = z.infer<typeof SoftwareSearchResponseSchema>;
