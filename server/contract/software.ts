import { z } from "zod";
import { FreshnessSchema } from "./freshness";

/** Software: one device's list and the fleet-wide search. */

export const SoftwareItemSchema = z.object({ name: z.string(), version: z.string() });
export type SoftwareItem = z.infer<typeof SoftwareItemSchema>;

/** GET /api/devices/:uid/software (sorted by name; the SPA searches and sorts locally). */
export const SoftwareListSchema = z.object({
  items: z.array(SoftwareItemSchema),
  total: z.number(),
  freshness: FreshnessSchema,
});
export type SoftwareList = z.infer<typeof SoftwareListSchema>;

/** Query of GET /api/software/search. */
export const SoftwareSearchQuerySchema = z.object({
  name: z
    .string({ error: "Say which software to look for: ?name=..." })
    .trim()
    .min(2, "Type at least 2 characters of the software name.")
    .max(200, "The software name can have at most 200 characters."),
  siteUid: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional())
    .optional(),
});
export type SoftwareSearchQuery = z.infer<typeof SoftwareSearchQuerySchema>;

/** At most this many matches are listed; counts and versions cover them all. */
export const SOFTWARE_MATCH_LIMIT = 1000;

/** GET /api/software/search: the UI polls until progress.state is "done". */
export const SoftwareSearchResponseSchema = z.object({
  query: z.string(),
  scope: z.object({ siteUid: z.string().nullable(), siteName: z.string().nullable() }),
  progress: z.object({
    /** Devices whose software audit is known (cached or fetched). */
    done: z.number(),
    total: z.number(),
    state: z.enum(["crawling", "done", "error"]),
  }),
  /** While crawling: the pace of the last minute and the time left at it; null until known. */
  estimate: z.object({ readsPerMinute: z.number(), secondsLeft: z.number() }).nullable(),
  /** Datto has stopped answering the crawl since `since`, and why; null once a read succeeds. */
  outage: z.object({ since: z.number(), reason: z.string() }).nullable(),
  matches: z.array(
    z.object({
      deviceUid: z.string(),
      hostname: z.string(),
      siteName: z.string(),
      name: z.string(),
      version: z.string(),
    }),
  ),
  /** All matches, even past SOFTWARE_MATCH_LIMIT. */
  matchCount: z.number(),
  deviceCount: z.number(),
  truncated: z.boolean(),
  /** Most common first. */
  versions: z.array(z.object({ version: z.string(), count: z.number() })),
  freshness: FreshnessSchema,
});
export type SoftwareSearchResponse = z.infer<typeof SoftwareSearchResponseSchema>;
