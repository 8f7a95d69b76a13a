import { z } from "zod";
import { AlertCountsSchema } from "./alerts";
import { MAX_EXCEPTED_DEVICES, MAX_PICKED_DEVICES, uidListParam } from "./device-set";
import { FreshnessSchema } from "./freshness";
import { booleanParam, daysParam, optionalParam } from "./query-params";
import { FleetSyncStatusSchema } from "./sync";

/**
 * Devices: the row of the device table, the device query (URL search params of the SPA = query
 * string of GET /api/devices), the list answer and one device's detail. Audits: device-audit.ts.
 */

export const UDF_COUNT = 300;
export const UDF_KEY_PATTERN = /^udf([1-9]|[1-9]\d|[12]\d\d|300)$/;

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

export function isDeviceSortKey(key: string): boolean {
  return (DEVICE_COLUMN_KEYS as readonly string[]).includes(key) || UDF_KEY_PATTERN.test(key);
}

export const DEFAULT_DEVICE_LIMIT = 100;
export const MAX_DEVICE_LIMIT = 500;
const UDF_FILTER_PATTERN = /^([1-9]|[1-9]\d|[12]\d\d|300):([\s\S]*)$/;

/** What a device must match: every filter of the device query (a Datto saved filter aside). */
const deviceFilterFields = {
  /** Free text; see device-search.ts for its words and field prefixes. */
  q: optionalParam(z.string().trim().max(200, "Search text can have at most 200 characters.")),
  siteUid: optionalParam(z.string().max(100)),
  status: optionalParam(
    z.enum(["online", "offline"], { error: "status must be online or offline." }),
  ),
  deviceClass: optionalParam(
    z.enum(DEVICE_CLASSES, { error: `deviceClass must be one of ${DEVICE_CLASSES.join(", ")}.` }),
  ),
  /** Matches deviceType.category or deviceType.type, case-insensitive. */
  deviceType: optionalParam(z.string().max(100)),
  /** Substring of the operating system, case-insensitive. */
  os: optionalParam(z.string().max(200)),
  rebootRequired: optionalParam(
    z.preprocess(booleanParam, z.boolean({ error: "rebootRequired must be true or false." })),
  ),
  patchStatus: optionalParam(
    z.enum(PATCH_STATUSES, { error: `patchStatus must be one of ${PATCH_STATUSES.join(", ")}.` }),
  ),
  antivirusStatus: optionalParam(
    z.enum(ANTIVIRUS_STATUSES, {
      error: `antivirusStatus must be one of ${ANTIVIRUS_STATUSES.join(", ")}.`,
    }),
  ),
  lastSeenOlderThanDays: daysParam("lastSeenOlderThanDays"),
  lastAuditOlderThanDays: daysParam("lastAuditOlderThanDays"),
  /** "<n>:<text>": UDF n (1..300) contains text, case-insensitive. */
  udf: optionalParam(
    z
      .string({ error: "udf must look like 7:text (UDF number 1-300, a colon, the text)." })
      .max(300, "The udf filter can have at most 300 characters.")
      .regex(
        UDF_FILTER_PATTERN,
        "udf must look like 7:text (UDF number 1-300, a colon, the text).",
      ),
  ),
};

/** Narrowing a query to a set of devices (device-set.ts). */
const deviceSetFields = {
  uids: uidListParam("uids", MAX_PICKED_DEVICES),
  exceptUids: uidListParam("exceptUids", MAX_EXCEPTED_DEVICES),
};

/**
 * The devices of a selection made in another view: filters and uid lists, never a Datto saved
 * filter (resolving one is a Datto read) nor another `within`. Sent as URL search params. Strict:
 * a param dropped silently would make the set bigger than the selection it stands for.
 */
export const DeviceSetQuerySchema = z.strictObject({ ...deviceFilterFields, ...deviceSetFields });
export type DeviceSetQuery = z.infer<typeof DeviceSetQuerySchema>;

/** Parses a `within` value; null when it is not a valid device set. */
export function parseDeviceSet(search: string): DeviceSetQuery | null {
  const parsed = DeviceSetQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(search)));
  return parsed.success ? parsed.data : null;
}

/**
 * One schema for the SPA's URL search params and the server's query string. Every field is
 * optional and accepts strings (coerced); the output re-parses to itself, so a parsed query can be
 * stored (saved views) and parsed again. Serialize with deviceQueryToSearchParams.
 */
export const DeviceQuerySchema = z.object({
  ...deviceFilterFields,
  /** A Datto saved filter id (GET /api/fleet/filters). */
  filterId: optionalParam(
    z.coerce
      .number({ error: "filterId must be a number." })
      .int("filterId must be a whole number.")
      .positive("filterId must be positive."),
  ),
  sort: optionalParam(
    z
      .string()
      .refine(isDeviceSortKey, "sort must be a column key (e.g. hostname, lastSeen, udf3)."),
  ),
  dir: optionalParam(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
  offset: optionalParam(
    z.coerce
      .number({ error: "offset must be a number." })
      .int("offset must be a whole number.")
      .min(0, "offset cannot be negative."),
  ),
  limit: optionalParam(
    z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit must be at least 1.")
      .max(MAX_DEVICE_LIMIT, `limit can be at most ${MAX_DEVICE_LIMIT}.`),
  ),
  ...deviceSetFields,
  within: optionalParam(
    z
      .string()
      .max(8000, "within is too long.")
      .refine(
        (v) => parseDeviceSet(v) !== null,
        "within must be a device query (filters, uids, exceptUids) in URL form.",
      ),
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

/**
 * Which devices a Datto saved filter (`filterId`) holds is read from Datto in the background:
 * while "resolving" the list is empty and says how far the read has come; "error" says why it
 * could not be read (the next request tries again).
 */
export const FilterMembershipSchema = z.object({
  filterId: z.number(),
  state: z.enum(["ready", "resolving", "error"]),
  fetchedAt: z.number().nullable(),
  pagesDone: z.number(),
  pagesTotal: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type FilterMembership = z.infer<typeof FilterMembershipSchema>;
/** The UDFs holding a value on at least one device, in UDF order, with how many devices. */
export const UdfUsageSchema = z.array(z.object({ key: z.string(), devices: z.number() }));
export type UdfUsage = z.infer<typeof UdfUsageSchema>;

/** GET /api/devices */
export const DeviceListResponseSchema = z.object({
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  rows: z.array(DeviceRowSchema),
  /** Present when the query has a filterId. */
  filter: FilterMembershipSchema.optional(),
  udfInUse: UdfUsageSchema,
  freshness: FreshnessSchema,
  sync: FleetSyncStatusSchema,
});
export type DeviceListResponse = z.infer<typeof DeviceListResponseSchema>;

export const UdfFieldSchema = z.object({
  /** "udf7" */
  key: z.string(),
  index: z.number().int(),
  /** The admin-given name (PUT /api/fleet/udf-labels), null when none. */
  label: z.string().nullable(),
  value: z.string(),
});
export type UdfField = z.infer<typeof UdfFieldSchema>;

/** GET /api/devices/:uid */
export const DeviceDetailSchema = DeviceRowSchema.extend({
  portalUrl: z.string().nullable(),
  webRemoteUrl: z.string().nullable(),
  a64Bit: z.boolean().nullable(),
  cagVersion: z.string().nullable(),
  displayVersion: z.string().nullable(),
  creationDate: z.number().nullable(),
  patches: z.object({
    approvedPending: z.number().nullable(),
    notApproved: z.number().nullable(),
    installed: z.number().nullable(),
  }),
  /** Non-empty UDFs in index order, with their labels. */
  udfFields: z.array(UdfFieldSchema),
  freshness: FreshnessSchema,
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

/**
 * POST /api/devices/:uid/refresh: the device as the fleet index now holds it, read from Datto
 * just now. When Datto cannot be reached the answer is an error (502 upstream_unavailable), never
 * a stale copy passed off as refreshed.
 */
export const DeviceRefreshResponseSchema = z.object({
  device: DeviceRowSchema,
  freshness: FreshnessSchema,
});
export type DeviceRefreshResponse = z.infer<typeof DeviceRefreshResponseSchema>;
