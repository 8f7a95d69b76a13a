import { z } from "zod";
import { AlertCountsSchema } from "./alerts";
import { FreshnessSchema } from "./freshness";
import { optionalParam } from "./query-params";
import { FleetSyncStatusSchema } from "./sync";

/** Sites: rows ranked by attention, the site query, the list answer and one site's detail. */

export const AttentionSchema = z.object({
  score: z.number(),
  /** Why the site ranks where it does, biggest first. */
  parts: z.array(z.object({ label: z.string(), points: z.number() })),
});
export type Attention = z.infer<typeof AttentionSchema>;

/** Every Datto account has a site of this name holding its deleted devices (API.md, Site). */
export const DELETED_DEVICES_SITE = "Deleted Devices";

export const SiteRowSchema = z.object({
  uid: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Datto's "Deleted Devices" site: listed apart and never ranked by attention. */
  isDeletedDevices: z.boolean(),
  devices: z.number(),
  online: z.number(),
  offline: z.number(),
  rebootRequired: z.number(),
  patchProblems: z.number(),
  antivirusProblems: z.number(),
  openAlerts: AlertCountsSchema,
  attention: AttentionSchema,
});
export type SiteRow = z.infer<typeof SiteRowSchema>;

export const SITE_SORT_KEYS = [
  "name",
  "devices",
  "online",
  "offline",
  "openAlerts",
  "attention",
] as const;

/** Query of GET /api/sites (defaults: sort attention, dir desc). */
export const SiteQuerySchema = z.object({
  q: optionalParam(z.string().trim().max(200, "Search text can have at most 200 characters.")),
  sort: optionalParam(
    z.enum(SITE_SORT_KEYS, { error: `sort must be one of ${SITE_SORT_KEYS.join(", ")}.` }),
  ),
  dir: optionalParam(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
});
export type SiteQuery = z.infer<typeof SiteQuerySchema>;

/** GET /api/sites */
export const SiteListResponseSchema = z.object({
  total: z.number(),
  rows: z.array(SiteRowSchema),
  freshness: FreshnessSchema,
  sync: FleetSyncStatusSchema,
});
export type SiteListResponse = z.infer<typeof SiteListResponseSchema>;

const countsBy = z.array(z.object({ value: z.string(), count: z.number() }));

/** GET /api/sites/:uid (its devices: GET /api/devices?siteUid=...). */
export const SiteDetailSchema = SiteRowSchema.extend({
  portalUrl: z.string().nullable(),
  notes: z.string().nullable(),
  autotaskCompanyName: z.string().nullable(),
  summary: z.object({
    byDeviceClass: countsBy,
    byOperatingSystem: countsBy,
    byPatchStatus: countsBy,
    byAntivirusStatus: countsBy,
  }),
  freshness: FreshnessSchema,
});
export type SiteDetail = z.infer<typeof SiteDetailSchema>;

/** POST /api/sites/:uid/refresh: like the device refresh, the site's row after re-reading it. */
export const SiteRefreshResponseSchema = z.object({
  site: SiteRowSchema,
  freshness: FreshnessSchema,
});
export type SiteRefreshResponse = z.infer<typeof SiteRefreshResponseSchema>;
