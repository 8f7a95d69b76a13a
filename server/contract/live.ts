import { z } from "zod";

/**
 * Live updates (GET /api/live, server-sent events): hints that something changed, never the data
 * itself. The SPA refetches what a hint names through the ordinary, permission-checked routes, so a
 * hint can carry no more than a topic, a kind and an id.
 */
export const LIVE_TOPICS = ["alerts", "jobs", "proposals", "fleet", "settings"] as const;
export const LiveTopicSchema = z.enum(LIVE_TOPICS);
export type LiveTopic = z.infer<typeof LiveTopicSchema>;

export const LiveEventSchema = z.object({
  topic: LiveTopicSchema,
  /** What happened, e.g. "claimed", "resolved", "progress", "decided". */
  kind: z.string(),
  /** The alert uid, job id or proposal id it is about, when it is about one. */
  id: z.string().nullable(),
  at: z.number(),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;

/** Query of GET /api/live. */
export const LiveQuerySchema = z.object({
  /** How long the stream stays open before the browser reconnects (default 10 minutes). */
  seconds: z.coerce
    .number({ error: "seconds must be a number." })
    .int("seconds must be a whole number.")
    .min(0, "seconds cannot be negative.")
    .max(600, "seconds can be at most 600.")
    .optional(),
});
