import { z } from "zod";
import { FreshnessSchema } from "./freshness";

/**
 * The fleet contract: device rows, the device query (URL search params of the SPA = query string of
 * GET /api/devices), sync status and sites. Siblings: fleet-device.ts (detail, audits, software,
 * alerts) and fleet-views.ts (saved views, UDF labels, filters, status, software search).
 */

export const UDF_COUNT = 300;
export const UDF_KEY_PATTERN = /^udf([1-9]|[1-9]\d|[12]\d\d|300)$/;

export const AlertCountsSchema = z.object({
  total: z.number(),
  critical: z.number(),
  high: z.number(),
  moderate: z.number(),
  low: z.number(),
  information: z.number(),
});
export type AlertCounts = z.infer<typeof AlertCountsSchema>;

export const DEVICE_CLASSES = [
  "device",
  "printer",
  "esxihost",
  "rmmnetworkdevice",
  "unknown",
] as const;
export const PATCH_STATUSES = [
  "NoPolicy",
  "NoData",
  "RebootRequired",
  "InstallError",
  "ApprovedPending",
  "FullyPatched",
] as const;
export const ANTIVIRUS_STATUSES = [
  "RunningAndUpToDate",
  "RunningAndNotUpToDate",
  "NotRunning",
  "NotDetected",
] as const;

export const DeviceRowSchema = z.object({
  uid: z.string(),
  hostname: z.string(),
  siteUid: z.string(),
  siteName: z.string(),
  /** One of DEVICE_CLASSES, or whatever new class Datto sends. */
  deviceClass: z.string(),
  deviceType: z.object({ category: z.string().nullable(), type: z.string().nullable() }),
  operatingSystem: z.string().nullable(),
  online: z.boolean(),
  /** Epoch ms. */
  lastSeen: z.number().nullable(),
  lastReboot: z.number().nullable(),
  lastAuditDate: z.number().nullable(),
  lastLoggedInUser: z.string().nullable(),
  intIpAddress: z.string().nullable(),
  extIpAddress: z.string().nullable(),
  description: z.string().nullable(),
  domain: z.string().nullable(),
  rebootRequired: z.boolean(),
  suspended: z.boolean(),
  /** One of PATCH_STATUSES (or a newer Datto value), null when unknown. */
  patchStatus: z.string().nullable(),
  antivirusStatus: z.string().nullable(),
  antivirusProduct: z.string().nullable(),
  /** yyyy-mm-dd */
  warrantyDate: z.string().nullable(),
  /** Only non-empty UDFs: { "udf3": "value" }. */
  udf: z.record(z.string(), z.string()),
  openAlerts: AlertCountsSchema,
});
export type DeviceRow = z.infer<typeof DeviceRowSchema>;

/** Sortable/displayable column keys besides "udf1".."udf300". */
export const DEVICE_COLUMN_KEYS = [
  "hostname",
  "siteName",
  "deviceClass",
  "deviceType",
  "operatingSystem",
  "online",
  "lastSeen",
  "lastReboot",
  "lastAuditDate",
  "lastLoggedInUser",
  "intIpAddress",
  "extIpAddress",
  "description",
  "domain",
  "rebootRequired",
  "suspended",
  "patchStatus",
  "antivirusStatus",
  "antivirusProduct",
  "warrantyDate",
  "openAlerts",
] as const;
export type DeviceColumnKey = (typeof DEVICE_COLUMN_KEYS)[number];

export function isDeviceSortKey(key: string): boolean {
  return (DEVICE_COLUMN_KEYS as readonly string[]).includes(key) || UDF_KEY_PATTERN.test(key);
}

export const DEFAULT_DEVICE_LIMIT = 100;
export const MAX_DEVICE_LIMIT = 500;
export const UDF_FILTER_PATTERN = /^([1-9]|[1-9]\d|[12]\d\d|300):([\s\S]*)$/;

/** Empty URL params ("?q=") mean "no filter". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional()).optional();
const toBool = (v: unknown) => (v === "true" ? true : v === "false" ? false : v);
const days = (name: string) =>
  opt(
    z.coerce
      .number({ error: `${name} must be a number of days.` })
      .int(`${name} must be a whole number of days.`)
      .min(0, `${name} cannot be negative.`)
      .max(36500, `${name} is too large.`),
  );

/**
 * One schema for the SPA's URL search params and the server's query string. Every field is
 * optional and accepts strings (coerced); the output re-parses to itself, so a parsed query can be
 * stored (saved views) and parsed again. Serialize with deviceQueryToSearchParams.
 */
export const DeviceQuerySchema = z.object({
  q: opt(z.string().trim().max(200, "Search text can have at most 200 characters.")),
  siteUid: opt(z.string().max(100)),
  status: opt(z.enum(["online", "offline"], { error: "status must be online or offline." })),
  deviceClass: opt(
    z.enum(DEVICE_CLASSES, { error: `deviceClass must be one of ${DEVICE_CLASSES.join(", ")}.` }),
  ),
  /** Matches deviceType.category or deviceType.type, case-insensitive. */
  deviceType: opt(z.string().max(100)),
  /** Substring of the operating system, case-insensitive. */
  os: opt(z.string().max(200)),
  rebootRequired: opt(
    z.preprocess(toBool, z.boolean({ error: "rebootRequired must be true or false." })),
  ),
  patchStatus: opt(
    z.enum(PATCH_STATUSES, { error: `patchStatus must be one of ${PATCH_STATUSES.join(", ")}.` }),
  ),
  antivirusStatus: opt(
    z.enum(ANTIVIRUS_STATUSES, {
      error: `antivirusStatus must be one of ${ANTIVIRUS_STATUSES.join(", ")}.`,
    }),
  ),
  lastSeenOlderThanDays: days("lastSeenOlderThanDays"),
  lastAuditOlderThanDays: days("lastAuditOlderThanDays"),
  /** "<n>:<text>": UDF n (1..300) contains text, case-insensitive. */
  udf: opt(
    z
      .string({ error: "udf must look like 7:text (UDF number 1-300, a colon, the text)." })
      .max(300, "The udf filter can have at most 300 characters.")
      .regex(
        UDF_FILTER_PATTERN,
        "udf must look like 7:text (UDF number 1-300, a colon, the text).",
      ),
  ),
  /** A Datto saved filter id (GET /api/fleet/filters). */
  filterId: opt(
    z.coerce
      .number({ error: "filterId must be a number." })
      .int("filterId must be a whole number.")
      .positive("filterId must be positive."),
  ),
  sort: opt(
    z
      .string()
      .refine(isDeviceSortKey, "sort must be a column key (e.g. hostname, lastSeen, udf3)."),
  ),
  dir: opt(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
  offset: opt(
    z.coerce
      .number({ error: "offset must be a number." })
      .int("offset must be a whole number.")
      .min(0, "offset cannot be negative."),
  ),
  limit: opt(
    z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit must be at least 1.")
      .max(MAX_DEVICE_LIMIT, `limit can be at most ${MAX_DEVICE_LIMIT}.`),
  ),
});
export type DeviceQuery = z.infer<typeof DeviceQuerySchema>;

/** Splits a valid "n:text" udf filter. */
export function parseUdfFilter(value: string): { key: string; text: string } | null {
  const match = UDF_FILTER_PATTERN.exec(value);
  return match ? { key: `udf${match[1]}`, text: match[2] ?? "" } : null;
}

/** The inverse of DeviceQuerySchema over URL search params (stable key order, no empties). */
export function deviceQueryToSearchParams(query: DeviceQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DeviceQuerySchema.shape) as (keyof DeviceQuery)[]) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}

export const FleetSyncStatusSchema = z.object({
  state: z.enum(["idle", "syncing", "error"]),
  pagesDone: z.number(),
  /** Null while the number of pages is not yet known. */
  pagesTotal: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type FleetSyncStatus = z.infer<typeof FleetSyncStatusSchema>;

/** GET /api/devices */
export const DeviceListResponseSchema = z.object({
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  rows: z.array(DeviceRowSchema),
  freshness: FreshnessSchema,
  sync: FleetSyncStatusSchema,
});
export type DeviceListResponse = z.infer<typeof DeviceListResponseSchema>;

export const AttentionSchema = z.object({
  score: z.number(),
  /** Why the site ranks where it does, biggest first. */
  parts: z.array(z.object({ label: z.string(), points: z.number() })),
});
export type Attention = z.infer<typeof AttentionSchema>;

export const SiteRowSchema = z.object({
  uid: z.string(),
  name: z.string(),
  description: z.string().nullable(),
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
  q: opt(z.string().trim().max(200, "Search text can have at most 200 characters.")),
  sort: opt(z.enum(SITE_SORT_KEYS, { error: `sort must be one of ${SITE_SORT_KEYS.join(", ")}.` })),
  dir: opt(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
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
