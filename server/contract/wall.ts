import { z } from "zod";
import { AlertCountsSchema } from "./alerts";
import { UpstreamStateSchema } from "./health";

/** The NOC wall: wall tokens (admin) and the one summary every wall screen reads. */

/** Every wall token starts with this, so the token resolver can tell it from an agent's. */
export const WALL_TOKEN_PREFIX = "rmmd_wall_";

/** "rotate": one panel at a time on a timer; "all": every panel on one screen. */
export const WALL_LAYOUTS = ["rotate", "all"] as const;
export const WallLayoutSchema = z.enum(WALL_LAYOUTS, { error: "layout must be rotate or all." });
export type WallLayout = z.infer<typeof WallLayoutSchema>;

export const WallTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  layout: WallLayoutSchema,
  /** How long each panel shows in the rotate layout. */
  rotateSeconds: z.number(),
  createdAt: z.number(),
  /** The admin who created it (their username), null when unknown. */
  createdBy: z.string().nullable(),
  /** The last time a wall read the summary with it (to the minute), null when never. */
  lastUsedAt: z.number().nullable(),
});
export type WallToken = z.infer<typeof WallTokenSchema>;

/** Body of POST /api/wall-tokens. */
export const CreateWallTokenSchema = z.object({
  name: z
    .string({ error: "Give the wall a name." })
    .trim()
    .min(1, "Give the wall a name.")
    .max(100, "Wall names can have at most 100 characters."),
  layout: WallLayoutSchema.default("rotate"),
  rotateSeconds: z
    .number({ error: "rotateSeconds must be a number of seconds." })
    .int("rotateSeconds must be a whole number.")
    .min(5, "Panels show for at least 5 seconds.")
    .max(600, "Panels show for at most 600 seconds.")
    .default(20),
});
export type CreateWallToken = z.input<typeof CreateWallTokenSchema>;

/** POST /api/wall-tokens: the only answer that carries the wall's URL (and so its token). */
export const CreatedWallTokenSchema = z.object({ wall: WallTokenSchema, url: z.string() });
export type CreatedWallToken = z.infer<typeof CreatedWallTokenSchema>;

/** GET /api/wall-tokens (revoked tokens are gone). */
export const WallTokenListSchema = z.object({ walls: z.array(WallTokenSchema) });
export type WallTokenList = z.infer<typeof WallTokenListSchema>;

/** One alert on the wall: what, where, since when, who has it. */
export const WallAlertSchema = z.object({
  alertUid: z.string(),
  priority: z.enum(["Critical", "High"]),
  summary: z.string(),
  deviceName: z.string().nullable(),
  siteName: z.string().nullable(),
  /** When Datto raised it (epoch ms), null when Datto did not say. */
  raisedAt: z.number().nullable(),
  /** Who claimed it in the alert queue, null when nobody (or before claims exist). */
  claimedBy: z.string().nullable(),
});
export type WallAlert = z.infer<typeof WallAlertSchema>;

/**
 * Open-alert counts over the last 24 h, oldest first: the highest count sampled in each interval
 * ending at `at`, null where no sample was taken (the server or Datto was down).
 */
const points = z.array(z.number().nullable());
export const WallTrendSchema = z.object({
  at: z.array(z.number()),
  critical: points,
  high: points,
  moderate: points,
  low: points,
  information: points,
});
export type WallTrend = z.infer<typeof WallTrendSchema>;

/** A panel whose source has not been built yet shows "not available yet", never a made-up zero. */
const available = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion("available", [
    z.object({ available: z.literal(false), reason: z.string() }),
    z.object({ available: z.literal(true), ...shape }),
  ]);

export const WallJobFailuresSchema = available({
  total: z.number(),
  recent: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      deviceName: z.string().nullable(),
      siteName: z.string().nullable(),
      failedAt: z.number(),
    }),
  ),
});
export type WallJobFailures = z.infer<typeof WallJobFailuresSchema>;

export const WallApprovalsSchema = available({
  pending: z.number(),
  /** When the oldest pending proposal was made (epoch ms), null when none is pending. */
  oldestAt: z.number().nullable(),
});
export type WallApprovals = z.infer<typeof WallApprovalsSchema>;

/** GET /api/wall/summary: everything a wall shows, built once and served to every wall. */
export const WallSummarySchema = z.object({
  /** When the server built this summary (epoch ms, server clock). */
  generatedAt: z.number(),
  /** The server's clock when it answered, so a wall with a wrong clock still counts right. */
  serverNow: z.number(),
  /** How often a wall should ask again. */
  refreshSeconds: z.number(),
  /** The wall asking (name and layout); null for a person previewing the wall. */
  wall: z
    .object({ name: z.string(), layout: WallLayoutSchema, rotateSeconds: z.number() })
    .nullable(),
  /** False when a part is failing or old: the wall then shows STALE with the reasons. */
  healthy: z.boolean(),
  problems: z.array(z.string()),
  alerts: z.object({
    /** When the open-alert list was read from Datto, null when never. */
    fetchedAt: z.number().nullable(),
    counts: AlertCountsSchema,
    trend: WallTrendSchema,
    /** Critical and High, newest first (at most 30). */
    urgent: z.array(WallAlertSchema),
    urgentTotal: z.number(),
  }),
  offlineServers: z.object({
    total: z.number(),
    /** Longest offline first (at most 30). */
    servers: z.array(
      z.object({
        uid: z.string(),
        hostname: z.string(),
        siteName: z.string(),
        /** Last seen online (epoch ms), null when unknown. */
        since: z.number().nullable(),
      }),
    ),
  }),
  sites: z.array(
    z.object({
      uid: z.string(),
      name: z.string(),
      score: z.number(),
      /** The biggest reason, e.g. "3 critical alerts". */
      reason: z.string().nullable(),
    }),
  ),
  fleetFetchedAt: z.number().nullable(),
  jobFailures: WallJobFailuresSchema,
  approvals: WallApprovalsSchema,
  datto: z.object({
    state: UpstreamStateSchema,
    detail: z.string().nullable(),
    lastSuccessAt: z.number().nullable(),
    readsUsed: z.number(),
    readsLimit: z.number(),
    windowSeconds: z.number(),
  }),
});
export type WallSummary = z.infer<typeof WallSummarySchema>;
