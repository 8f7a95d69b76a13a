import { z } from "zod";
import { FreshnessSchema } from "./freshness";

/** Alerts as the SPA sees them: counts per priority, one alert, alert lists, a queue row. */

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

/** What every shape of an alert says: which alert, how urgent, what about, on which device. */
export const AlertSourceSchema = z.object({
  alertUid: z.string(),
  priority: AlertPrioritySchema,
  timestamp: z.number().nullable(),
  /** The Datto "@class" of the alert context, e.g. "perf_disk_usage_ctx"; null when absent. */
  contextClass: z.string().nullable(),
  /** One line for a person, built from the context; generic for unknown classes. */
  contextSummary: z.string(),
  deviceUid: z.string().nullable(),
  deviceName: z.string().nullable(),
  siteUid: z.string().nullable(),
  siteName: z.string().nullable(),
});
export type AlertSource = z.infer<typeof AlertSourceSchema>;

/** An alert's fields that every shape shares, picked from a fuller one. */
export const alertSourceOf = (a: AlertSource): AlertSource => ({
  alertUid: a.alertUid,
  priority: a.priority,
  timestamp: a.timestamp,
  contextClass: a.contextClass,
  contextSummary: a.contextSummary,
  deviceUid: a.deviceUid,
  deviceName: a.deviceName,
  siteUid: a.siteUid,
  siteName: a.siteName,
});

export const DeviceAlertSchema = AlertSourceSchema.extend({
  diagnostics: z.string().nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedOn: z.number().nullable(),
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
export const QueueAlertSchema = AlertSourceSchema.extend({
  /** When RMM Deck first saw it open (epoch ms): "new since you last looked" compares this. */
  firstSeenAt: z.number(),
  claim: AlertClaimSchema.nullable(),
  /** A resolve whose outcome is unknown (timeout, dropped link): the next poll settles it. */
  resolveOutcome: z.enum(["unknown"]).nullable(),
  resolved: z.boolean(),
  resolution: AlertResolutionSchema.nullable(),
});
export type QueueAlert = z.infer<typeof QueueAlertSchema>;
