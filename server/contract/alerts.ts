import { z } from "zod";
import { FreshnessSchema } from "./freshness";
import { AlertPrioritySchema, QueueAlertSchema, type ALERT_PRIORITIES } from "./alert-rows";

/**
 * The alerts contract, one import for its users: the rows (alert-rows.ts), the queue's query
 * (alert-queue-query.ts), the actions (alert-actions.ts), and here the queue's answers.
 */
export * from "./alert-rows";
export * from "./alert-queue-query";
export * from "./alert-actions";

export const PriorityCountsSchema = z.record(AlertPrioritySchema, z.number());
export type PriorityCounts = Record<(typeof ALERT_PRIORITIES)[number], number>;

/** One group of the grouping strip: a site, device or class with its matching alerts. */
export const AlertGroupSchema = z.object({
  key: z.string(),
  /** The site or device name (null when the alert has none); for a class, the class itself. */
  name: z.string().nullable(),
  total: z.number(),
  critical: z.number(),
  high: z.number(),
});
export type AlertGroup = z.infer<typeof AlertGroupSchema>;

/** GET /api/alerts: one window (offset, limit) of the matching alerts, with counts over all. */
export const AlertQueueResponseSchema = z.object({
  alerts: z.array(QueueAlertSchema),
  /** How many alerts match (every window). */
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  /** With groupBy: every group of the matching alerts, most urgent first; otherwise empty. */
  groups: z.array(AlertGroupSchema),
  /** This person's last look at the queue (epoch ms), null before the first. */
  lastLook: z.number().nullable(),
  /** Matching alerts RMM Deck first saw after the last look. */
  newCount: z.number(),
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
