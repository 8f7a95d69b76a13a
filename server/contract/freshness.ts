import { z } from "zod";

/**
 * How fresh an answer is. Every answer built from Datto data carries one, so the UI (and the wall)
 * can say "as of 2 minutes ago" and shout when the data is stale.
 */
export const FreshnessSchema = z.object({
  /** When the data was fetched from Datto (epoch ms), null when never. */
  fetchedAt: z.number().nullable(),
  /** True when the data is older than it should be (refresh failing, Datto down or rate-limited). */
  stale: z.boolean(),
  /** Why it is stale, for a person, when it is. */
  reason: z.string().nullable(),
});
export type Freshness = z.infer<typeof FreshnessSchema>;
