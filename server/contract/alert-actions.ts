import { z } from "zod";
import { AlertClaimSchema } from "./alert-rows";

/** What a person or agent does to an alert: resolve one, resolve many (a batch), claim. */

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
