import { z } from "zod";
import { FreshnessSchema } from "./freshness";
import { booleanParam, optionalParam } from "./query-params";

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

export const SOFTWARE_SORT_KEYS = ["hostname", "siteName", "name", "version"] as const;

/**
 * Query of GET /api/software/search and of its CSV export (export.csv): which software, where,
 * which of its versions (`version`, or `unversioned` for the entries Datto lists without one) and
 * in which order. The SPA's URL carries the same params.
 */
export const SoftwareSearchQuerySchema = z
  .object({
    name: z
      .string({ error: "Say which software to look for: ?name=..." })
      .trim()
      .min(2, "Type at least 2 characters of the software name.")
      .max(200, "The software name can have at most 200 characters."),
    siteUid: optionalParam(z.string().max(100)),
    version: optionalParam(z.string().max(200, "A version can have at most 200 characters.")),
    unversioned: optionalParam(
      z.preprocess(booleanParam, z.boolean({ error: "unversioned must be true or false." })),
    ),
    sort: optionalParam(
      z.enum(SOFTWARE_SORT_KEYS, {
        error: `sort must be one of ${SOFTWARE_SORT_KEYS.join(", ")}.`,
      }),
    ),
    dir: optionalParam(z.enum(["asc", "desc"], { error: "dir must be asc or desc." })),
  })
  .refine((q) => q.version === undefined || !q.unversioned, {
    path: ["unversioned"],
    message: "unversioned cannot be combined with a version: ask for one or the other.",
  });
export type SoftwareSearchQuery = z.infer<typeof SoftwareSearchQuerySchema>;
/** Which of the matches to list, and in which order. */
export type SoftwareMatchView = Omit<SoftwareSearchQuery, "name" | "siteUid">;

/** At most this many matches are listed; the export has them all, counts and versions too. */
export const SOFTWARE_MATCH_LIMIT = 1000;

/** One device with one version of the software. */
export const SoftwareMatchSchema = z.object({
  deviceUid: z.string(),
  hostname: z.string(),
  siteName: z.string(),
  name: z.string(),
  version: z.string(),
});
export type SoftwareMatch = z.infer<typeof SoftwareMatchSchema>;

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
  /** The first SOFTWARE_MATCH_LIMIT matches the version filter keeps, in the order asked. */
  matches: z.array(SoftwareMatchSchema),
  /** All matches, even past SOFTWARE_MATCH_LIMIT, of every version. */
  matchCount: z.number(),
  deviceCount: z.number(),
  /** The matches the version filter keeps, listed or not (matchCount without a filter). */
  filteredCount: z.number(),
  /** More matches are kept than listed: the export has them all. */
  truncated: z.boolean(),
  /** Most common first. */
  versions: z.array(z.object({ version: z.string(), count: z.number() })),
  freshness: FreshnessSchema,
});
export type SoftwareSearchResponse = z.infer<typeof SoftwareSearchResponseSchema>;
