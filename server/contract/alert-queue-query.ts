import { z } from "zod";
import { ALERT_PRIORITIES, AlertStateSchema } from "./alert-rows";

/** The alert queue's query (GET /api/alerts): filters, order, a window, grouping. */

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
export const ALERT_GROUP_BY = ["site", "device", "class"] as const;
export type AlertGroupBy = (typeof ALERT_GROUP_BY)[number];
/** Rows per answer when no limit is given, and the most one answer carries (a bulk resolve). */
export const DEFAULT_QUEUE_LIMIT = 200;
export const MAX_QUEUE_LIMIT = 500;

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
  /** A window of the matching rows (the SPA's table fetches the windows under its viewport). */
  offset: opt(
    z.coerce
      .number({ error: "offset must be a number." })
      .int("offset must be a whole number.")
      .min(0, "offset cannot be negative.")
      .max(10_000_000, "offset is too large."),
  ),
  limit: opt(
    z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(0, "limit cannot be negative.")
      .max(MAX_QUEUE_LIMIT, `limit can be at most ${MAX_QUEUE_LIMIT}.`),
  ),
  /** Counts per site, device or class of every matching alert (the grouping strip). */
  groupBy: opt(
    z.enum(ALERT_GROUP_BY, { error: `groupBy must be one of ${ALERT_GROUP_BY.join(", ")}.` }),
  ),
});
export type AlertQueueQuery = z.infer<typeof AlertQueueQuerySchema>;
