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
