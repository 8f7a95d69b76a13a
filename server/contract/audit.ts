import { z } from "zod";
import { ACTOR_KINDS } from "./actor";
import { optionalParam } from "./query-params";
import { AuditEventSchema } from "./users";

/** GET /api/audit and /api/audit/export.csv: the audit log, newest first, filtered. */
export const AuditQuerySchema = z.object({
  limit: optionalParam(
    z.coerce
      .number()
      .int("must be a whole number.")
      .min(1, "must be at least 1.")
      .max(500, "can be at most 500."),
  ),
  before: optionalParam(z.coerce.number().int().positive("must be an event id.")),
  /** An event kind or its family: "proposal" matches proposal.approved, proposal.succeeded... */
  kind: optionalParam(z.string().trim().max(100)),
  actorKind: optionalParam(
    z.enum(ACTOR_KINDS, { error: `actorKind must be one of ${ACTOR_KINDS.join(", ")}.` }),
  ),
  actor: optionalParam(z.string().trim().max(200)),
  target: optionalParam(z.string().trim().max(200)),
  /** Epoch ms. */
  since: optionalParam(z.coerce.number().int().min(0)),
  until: optionalParam(z.coerce.number().int().min(0)),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  /** Pass as `before` for the next (older) page; null on the last one. */
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** GET /api/audit/verify */
export const AuditChainSchema = z.object({
  checked: z.number(),
  intact: z.boolean(),
  brokenAt: z.number().nullable(),
  problem: z.string().nullable(),
});
export type AuditChain = z.infer<typeof AuditChainSchema>;
