import { z } from "zod";
import { optionalParam } from "./query-params";

/**
 * A write an agent asked for, waiting for (or past) a person's decision. The payload is exactly
 * what will be executed; the digest (SHA-256 of it) is what an approval binds to.
 */
export const PROPOSAL_STATES = [
  "pending",
  "approved",
  "rejected",
  "expired",
  "executing",
  "succeeded",
  "failed",
  "outcome_unknown",
  "planned",
] as const;
export const ProposalStateSchema = z.enum(PROPOSAL_STATES, {
  error: `state must be one of ${PROPOSAL_STATES.join(", ")}.`,
});
export type ProposalState = z.infer<typeof ProposalStateSchema>;

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  pending: "pending approval",
  approved: "approved, waiting to run",
  rejected: "rejected",
  expired: "expired",
  executing: "executing",
  succeeded: "succeeded",
  failed: "failed",
  outcome_unknown: "outcome unknown",
  planned: "planned (test mode, not sent)",
};

export const QuickJobPayloadSchema = z.object({
  action: z.literal("run-quickjob"),
  deviceUid: z.string(),
  componentUid: z.string(),
  componentName: z.string(),
  variables: z.record(z.string(), z.string()),
});
export const ResolveAlertPayloadSchema = z.object({
  action: z.literal("resolve-alert"),
  alertUid: z.string(),
});
export const ProposalPayloadSchema = z.discriminatedUnion("action", [
  QuickJobPayloadSchema,
  ResolveAlertPayloadSchema,
]);
export type ProposalPayload = z.infer<typeof ProposalPayloadSchema>;
export type QuickJobPayload = z.infer<typeof QuickJobPayloadSchema>;

/** What the action touches, in human terms (as seen when proposed; the approval page refreshes it). */
export const ProposalContextSchema = z.object({
  device: z
    .object({
      uid: z.string(),
      hostname: z.string(),
      siteName: z.string(),
      online: z.boolean(),
      lastSeen: z.number().nullable(),
      deviceType: z.string().nullable(),
    })
    .nullable(),
  component: z
    .object({
      uid: z.string(),
      name: z.string(),
      description: z.string().nullable(),
    })
    .nullable(),
  alert: z
    .object({ uid: z.string(), summary: z.string(), priority: z.string(), resolved: z.boolean() })
    .nullable(),
});
export type ProposalContext = z.infer<typeof ProposalContextSchema>;

export const ProposalResultSchema = z.object({
  /** The console's job run (the job launcher's history), when the launcher ran it. */
  runId: z.string().nullable().optional(),
  jobUid: z.string().nullable(),
  jobName: z.string().nullable(),
  /** Per device: Datto's deployment status, and the output when it finished. */
  devices: z.array(
    z.object({
      deviceUid: z.string(),
      status: z.string(),
      stdout: z.string().nullable(),
      stderr: z.string().nullable(),
    }),
  ),
  message: z.string().nullable(),
});
export type ProposalResult = z.infer<typeof ProposalResultSchema>;

export const ProposalSchema = z.object({
  id: z.string(),
  tool: z.string(),
  state: ProposalStateSchema,
  tokenId: z.string(),
  agentName: z.string(),
  reason: z.string(),
  risks: z.array(z.string()),
  payload: ProposalPayloadSchema,
  digest: z.string(),
  context: ProposalContextSchema,
  testMode: z.boolean(),
  /** How many times the agent asked for the same thing while it was pending. */
  requests: z.number(),
  createdAt: z.number(),
  expiresAt: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  comment: z.string().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  result: ProposalResultSchema.nullable(),
  error: z.string().nullable(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** GET /api/proposals */
export const ProposalQuerySchema = z.object({
  state: optionalParam(
    z.enum([...PROPOSAL_STATES, "decided"], {
      error: "state must be a proposal state or decided.",
    }),
  ),
  limit: optionalParam(z.coerce.number().int().min(1).max(200, "limit can be at most 200.")),
});
export const ProposalListSchema = z.object({
  proposals: z.array(ProposalSchema),
  pending: z.number(),
});
export type ProposalList = z.infer<typeof ProposalListSchema>;

/** POST /api/proposals/:id/approve and /reject */
export const DecisionSchema = z.object({
  comment: z.string().trim().max(500, "comment can have at most 500 characters.").optional(),
  /** The digest the approver saw: an approval binds to it. */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "digest must be the proposal's SHA-256 digest.")
    .optional(),
});
