import { z } from "zod";
import { FreshnessSchema } from "./freshness";

/** Alerts as the SPA sees them: counts per priority, one alert, alert lists. */

export const AlertCountsSchema = z.object({
  total: z.number(),
  critical: z.number(),
  high: z.number(),
  moderate: z.number(),
  low: z.number(),
  information: z.number(),
});
export type AlertCounts = z.infer<typeof AlertCountsSchema>;

export const ALERT_PRIORITIES = [
  "Critical",
  "High",
  "Moderate",
  "Low",
  "Information",
  "Unknown",
] as const;
export const AlertPrioritySchema = z.enum(ALERT_PRIORITIES);

export const DeviceAlertSchema = z.object({
  alertUid: z.string(),
  priority: AlertPrioritySchema,
  diagnostics: z.string().nullable(),
  timestamp: z.number().nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedOn: z.number().nullable(),
  /** The Datto "@class" of the alert context, e.g. "perf_disk_usage_ctx"; null when absent. */
  contextClass: z.string().nullable(),
  /** One line for a person, built from the context; generic for unknown classes. */
  contextSummary: z.string(),
  deviceUid: z.string().nullable(),
  deviceName: z.string().nullable(),
  siteUid: z.string().nullable(),
  siteName: z.string().nullable(),
});
export type DeviceAlert = z.infer<typeof DeviceAlertSchema>;

export const AlertStateSchema = z.enum(["open", "resolved"], {
  error: "state must be open or resolved.",
});

/** GET /api/devices/:uid/alerts?state= and GET /api/sites/:uid/alerts (newest first). */
export const AlertListResponseSchema = z.object({
  alerts: z.array(DeviceAlertSchema),
  total: z.number(),
  freshness: FreshnessSchema,
});
export type AlertListResponse = z.infer<typeof AlertListResponseSchema>;

/* ---------------------------------------------------------------------------------------------
 * The alert triage queue (issue 9): every open alert of the account, kept current by one poller.
 * ------------------------------------------------------------------------------------------- */

/** Who is on an alert: stored by RMM Deck (Datto has no acknowledge state). */
export const AlertClaimSchema = z.object({
  by: z.string(),
  byKind: z.string().nullable(),
  byId: z.string().nullable(),
  note: z.string().nullable(),
  at: z.number(),
});
export type AlertClaim = z.infer<typeof AlertClaimSchema>;

/** Who resolved an alert: through RMM Deck (our audit log) or outside it (Datto's own field). */
export const AlertResolutionSchema = z.object({
  /** "deck": resolved through RMM Deck by `by`; "datto": it left the open list by itself. */
  via: z.enum(["deck", "datto"]),
  /** Our actor's name when via deck; Datto's `resolvedBy` when known; null otherwise. */
  by: z.string().nullable(),
  at: z.number(),
});
export type AlertResolution = z.infer<typeof AlertResolutionSchema>;

/** One row of the queue. Diagnostics are in the detail only (they can be long). */
export const QueueAlertSchema = z.object({
  alertUid: z.string(),
  priority: AlertPrioritySchema,
  timestamp: z.number().nullable(),
  contextClass: z.string().nullable(),
  contextSummary: z.string(),
  deviceUid: z.string().nullable(),
  deviceName: z.string().nullable(),
  siteUid: z.string().nullable(),
  siteName: z.string().nullable(),
  /** When RMM Deck first saw it open (epoch ms): "new since you last looked" compares this. */
  firstSeenAt: z.number(),
  claim: AlertClaimSchema.nullable(),
  /** A resolve whose outcome is unknown (timeout, dropped link): the next poll settles it. */
  resolveOutcome: z.enum(["unknown"]).nullable(),
  resolved: z.boolean(),
  resolution: AlertResolutionSchema.nullable(),
});
export type QueueAlert = z.infer<typeof QueueAlertSchema>;

export const ALERT_SORT_KEYS = [
  "priority",
  "age",
  "device",
  "site",
  "class",
  "claimedBy",
  "resolvedAt",
] as const;
export const AlertSortKeySchema = z.enum(ALERT_SORT_KEYS, {
  error: `sort must be one of ${ALERT_SORT_KEYS.join(", ")}.`,
});
export type AlertSortKey = z.infer<typeof AlertSortKeySchema>;

export const ALERT_CLAIM_FILTERS = ["yes", "no", "mine"] as const;

/** A comma-separated list in one query param ("Critical,High"); blank items are dropped. */
const listParam = (label: string, maxChars: number) =>
  z
    .string({ error: `${label} must be given once, as a comma-separated list.` })
    .max(maxChars, `${label} can have at most ${maxChars} characters.`)
    .transform((s) => s.split(",").filter((x) => x !== ""));

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).optional();

const hoursParam = (name: string) =>
  opt(
    z.coerce
      .number({ error: `${name} must be a number of hours.` })
      .int(`${name} must be a whole number of hours.`)
      .min(0, `${name} cannot be negative.`)
      .max(24 * 3650, `${name} is too large.`),
  );

/** GET /api/alerts: every filter optional; the default order is priority, then newest. */
export const AlertQueueQuerySchema = z.object({
  state: opt(AlertStateSchema),
  /** Comma-separated priorities, e.g. "Critical,High". */
  priority: opt(
    listParam("priority", 100).pipe(
      z.array(
        z.enum(ALERT_PRIORITIES, {
          error: `priority must be some of ${ALERT_PRIORITIES.join(", ")}, comma-separated.`,
        }),
      ),
    ),
  ),
  siteUid: opt(listParam("siteUid", 4000)),
  deviceUid: opt(listParam("deviceUid", 4000)),
  /** Context classes ("@class"), comma-separated; "none" for alerts without one. */
  class: opt(listParam("class", 4000)),
  /** Only alerts at least / at most this many hours old. */
  minAgeHours: hoursParam("minAgeHours"),
  maxAgeHours: hoursParam("maxAgeHours"),
  claimed: opt(z.enum(ALERT_CLAIM_FILTERS, { error: "claimed must be yes, no or mine." })),
  /** Free text: summary, diagnostics, device, site, class, claimer; every word must match. */
  q: opt(z.string().trim().max(200, "Search text can have at most 200 characters.")),
  sort: opt(AlertSortKeySchema),
  dir: opt(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
});
export type AlertQueueQuery = z.infer<typeof AlertQueueQuerySchema>;

export const PriorityCountsSchema = z.record(AlertPrioritySchema, z.number());
export type PriorityCounts = Record<(typeof ALERT_PRIORITIES)[number], number>;

/** GET /api/alerts */
export const AlertQueueResponseSchema = z.object({
  alerts: z.array(QueueAlertSchema),
  total: z.number(),
  /** Matching alerts per priority, as if no priority filter were set (for the filter chips). */
  counts: PriorityCountsSchema,
  /** The context classes, sites and devices among all alerts of this state (for the filters). */
  classes: z.array(z.string()),
  sites: z.array(z.object({ uid: z.string(), name: z.string() })),
  /** When the poller last read Datto's open list; freshness says whether that is too old. */
  freshness: FreshnessSchema,
});
export type AlertQueueResponse = z.infer<typeof AlertQueueResponseSchema>;

export const AlertDetailSchema = QueueAlertSchema.extend({
  diagnostics: z.string().nullable(),
  /** The context as Datto sent it, every key (an empty-string key included), values as text. */
  contextFields: z.array(z.object({ key: z.string(), value: z.string() })),
  responseActions: z.array(
    z.object({
      actionTime: z.number().nullable(),
      actionType: z.string().nullable(),
      description: z.string().nullable(),
      actionReference: z.string().nullable(),
    }),
  ),
  ticketNumber: z.string().nullable(),
  sendsEmails: z.boolean().nullable(),
  createsTicket: z.boolean().nullable(),
  autoresolveMins: z.number().nullable(),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** GET /api/alerts/:uid */
export const AlertDetailResponseSchema = z.object({
  alert: AlertDetailSchema,
  device: z
    .object({
      uid: z.string(),
      hostname: z.string(),
      online: z.boolean().nullable(),
      lastSeen: z.number().nullable(),
      deviceClass: z.string().nullable(),
    })
    .nullable(),
  /** The device's other open alerts, by priority. */
  otherAlerts: z.array(QueueAlertSchema),
  freshness: FreshnessSchema,
});
export type AlertDetailResponse = z.infer<typeof AlertDetailResponseSchema>;

export const RESOLVE_STATUSES = [
  "resolved",
  "already-resolved",
  "not-found",
  "outcome-unknown",
  "not-sent",
  "failed",
] as const;
export const ResolveResultSchema = z.object({
  alertUid: z.string(),
  status: z.enum(RESOLVE_STATUSES),
  /** For a person: what happened to this alert. */
  message: z.string(),
});
export type ResolveResult = z.infer<typeof ResolveResultSchema>;

/** POST /api/alerts/:uid/resolve */
export const ResolveOneResponseSchema = z.object({ result: ResolveResultSchema });

/** A Datto alert uid as our API takes it: the same rule as a uid in a path. */
export const AlertUidSchema = z
  .string({ error: "Each alert uid must be text." })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "That is not a Datto alert uid.");

export const MAX_BULK_RESOLVE = 500;

/** POST /api/alerts/resolve */
export const BulkResolveBodySchema = z.object({
  uids: z
    .array(AlertUidSchema, { error: "uids must be a list of alert uids." })
    .min(1, "Choose at least one alert to resolve.")
    .max(MAX_BULK_RESOLVE, `At most ${MAX_BULK_RESOLVE} alerts at once.`),
});

/** A bulk resolve in progress or finished (GET /api/alerts/resolve-batches/:id). */
export const ResolveBatchSchema = z.object({
  id: z.string(),
  state: z.enum(["running", "done", "stopped"]),
  total: z.number(),
  done: z.number(),
  results: z.array(ResolveResultSchema),
  /** Why it stopped early (Datto's rate limit), for a person. */
  stopMessage: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ResolveBatch = z.infer<typeof ResolveBatchSchema>;
export const ResolveBatchResponseSchema = z.object({ batch: ResolveBatchSchema });

/** POST /api/alerts/:uid/claim */
export const ClaimBodySchema = z.object({
  note: z
    .string({ error: "note must be text." })
    .trim()
    .max(500, "A claim note can have at most 500 characters.")
    .optional(),
});
export const ClaimResponseSchema = z.object({ claim: AlertClaimSchema });
