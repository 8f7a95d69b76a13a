import { z } from "zod";
import { optionalParam } from "./query-params";

const UID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Jobs: runs of a component on one or more devices, started through RMM Deck (Datto cannot list
 * jobs, API.md §5, so every run is kept here). One run = one Datto quick job per device.
 */

/** The most devices one run may target (each is one write of ~80 a minute: about 6 minutes). */
export const MAX_JOB_DEVICES = 500;
/** Above this many targets a person must type the count to confirm. */
export const CONFIRM_ABOVE = 10;

/**
 * A target's state. `queued`: not sent yet; `sending`: the PUT is in flight; Datto's deployment
 * states; `outcome-unknown`: the PUT's answer was lost (check in Datto before re-running: never
 * resent); `not-sent`: refused before or by Datto, nothing runs.
 */
export const TARGET_STATUSES = [
  "queued",
  "sending",
  "Pending",
  "Running",
  "Success",
  "Warning",
  "Failure",
  "Expired",
  "Retired",
  "outcome-unknown",
  "not-sent",
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Datto's final deployment states (API.md §7): the tracker stops polling a target in one. */
export const DATTO_FINAL_STATUSES: readonly TargetStatus[] = [
  "Success",
  "Warning",
  "Failure",
  "Expired",
  "Retired",
];
export const FINAL_STATUSES: readonly TargetStatus[] = [
  ...DATTO_FINAL_STATUSES,
  "outcome-unknown",
  "not-sent",
];
export const isFinalStatus = (s: TargetStatus) => FINAL_STATUSES.includes(s);
/** Statuses that count as "something went wrong" on the run's summary and the wall. */
export const PROBLEM_STATUSES: readonly TargetStatus[] = [
  "Failure",
  "Expired",
  "outcome-unknown",
  "not-sent",
];

export const OUTCOME_UNKNOWN_NOTE = "outcome unknown: check before re-running";

/** A run: `dispatching` while PUTs are being sent, `running` until every target is final. */
export const RUN_STATES = ["dispatching", "running", "finished"] as const;
export type RunState = (typeof RUN_STATES)[number];

export const JobTargetSchema = z.object({
  deviceUid: z.string(),
  hostname: z.string(),
  siteUid: z.string(),
  siteName: z.string(),
  status: z.enum(TARGET_STATUSES),
  /** Datto's job uid once the PUT answered. */
  dattoJobUid: z.string().nullable(),
  /** Why a target was not sent or its outcome is unknown, in words. */
  detail: z.string().nullable(),
  sentAt: z.number().nullable(),
  ranOn: z.number().nullable(),
  /** When the tracker first saw it final. */
  finishedAt: z.number().nullable(),
  warnings: z.number().nullable(),
  hasStdout: z.boolean(),
  hasStderr: z.boolean(),
  /** The first 300 characters of stdout/stderr once fetched (the full text: the stdout route). */
  stdoutPreview: z.string().nullable(),
  stderrPreview: z.string().nullable(),
  /** Lines of the output that read like instructions to an AI (shown flagged, never obeyed). */
  suspiciousLines: z.array(z.string()),
});
export type JobTarget = z.infer<typeof JobTargetSchema>;

export const StatusCountsSchema = z.record(z.string(), z.number());

export const JobRunSummarySchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  componentUid: z.string(),
  componentName: z.string(),
  jobName: z.string(),
  requester: z.string(),
  approvedBy: z.string().nullable(),
  state: z.enum(RUN_STATES),
  targetCount: z.number(),
  finalCount: z.number(),
  problemCount: z.number(),
  /** Targets per status. */
  counts: StatusCountsSchema,
  finishedAt: z.number().nullable(),
  /** For a one-device run: that device (the history shows it). */
  firstHostname: z.string().nullable(),
});
export type JobRunSummary = z.infer<typeof JobRunSummarySchema>;

export const JobRunSchema = JobRunSummarySchema.extend({
  variables: z.array(z.object({ name: z.string(), value: z.string() })),
  targets: z.array(JobTargetSchema),
  /** True while the dispatcher is still sending PUTs (with how many are sent). */
  dispatch: z.object({ sent: z.number(), total: z.number() }),
});
export type JobRun = z.infer<typeof JobRunSchema>;

/** GET /api/jobs */
export const JobListQuerySchema = z.object({
  status: optionalParam(
    z.enum(["dispatching", "running", "finished", "problems"], {
      error: "status must be dispatching, running, finished or problems.",
    }),
  ),
  requester: optionalParam(
    z.string().trim().max(100, "requester can have at most 100 characters."),
  ),
  component: optionalParam(
    z.string().trim().max(200, "component can have at most 200 characters."),
  ),
  deviceUid: optionalParam(z.string().regex(UID, "deviceUid is not a device uid.")),
  siteUid: optionalParam(z.string().regex(UID, "siteUid is not a site uid.")),
  /** Runs created before this (epoch ms): the next page. */
  before: optionalParam(
    z.coerce
      .number({ error: "before must be a number." })
      .int("before must be a whole number.")
      .min(1, "before must be positive.")
      .max(Number.MAX_SAFE_INTEGER, "before is too large."),
  ),
  limit: optionalParam(
    z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit must be at least 1.")
      .max(200, "limit can be at most 200."),
  ),
});
export type JobListQuery = z.infer<typeof JobListQuerySchema>;

export const JobListResponseSchema = z.object({ runs: z.array(JobRunSummarySchema) });
export type JobListResponse = z.infer<typeof JobListResponseSchema>;

const DeviceUidSchema = z
  .string({ error: "deviceUids must list device uids." })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "That is not a device uid.");

/** A variable's value: text, or a JSON number or boolean (sent to Datto as text). */
export const VariableValueSchema = z.union([z.string().max(4000), z.number(), z.boolean()], {
  error: "Each variable's value must be text, a number or true/false.",
});

/** What to run where: the body of POST /api/jobs/preview, and of POST /api/jobs with a key. */
const jobRequestFields = {
  /** A component uid or name (exact name first, then a unique partial match). */
  component: z
    .string({ error: "component must be a component uid or name." })
    .trim()
    .min(1, "component must be a component uid or name.")
    .max(200, "component can have at most 200 characters."),
  /** The devices, by uid (a device page, an alert, picked devices)... */
  deviceUids: z
    .array(DeviceUidSchema, { error: "deviceUids must list device uids." })
    .max(MAX_JOB_DEVICES, `A run can target at most ${MAX_JOB_DEVICES} devices.`)
    .optional(),
  /**
   * ...or a device browser selection (decision 0014): its device query in URL form, resolved by
   * the server, and the count the person saw, which must still hold.
   */
  target: z
    .object({
      query: z.string().max(8000, "target.query is too long."),
      count: z
        .number({ error: "target.count must be a number." })
        .int("target.count must be a whole number.")
        .min(1, "target.count must be at least 1.")
        .max(MAX_JOB_DEVICES, `A run can target at most ${MAX_JOB_DEVICES} devices.`),
    })
    .optional(),
  variables: z
    .record(z.string().max(200), VariableValueSchema, {
      error: "variables must be an object of name: value.",
    })
    .optional(),
};

const oneWayToTarget = {
  message: "Give either deviceUids or target, not both and not neither.",
  path: ["deviceUids"],
};
const hasOneTarget = (b: { deviceUids?: unknown; target?: unknown }) =>
  (b.deviceUids === undefined) !== (b.target === undefined);

export const JobRequestSchema = z.object(jobRequestFields).refine(hasOneTarget, oneWayToTarget);
export type JobRequest = z.infer<typeof JobRequestSchema>;

export const LaunchJobBodySchema = z
  .object({
    ...jobRequestFields,
    /** Any unique text per launch (a UUID): sending the same key again answers the same run. */
    idempotencyKey: z
      .string({ error: "idempotencyKey is required (any unique text per launch, e.g. a UUID)." })
      .min(8, "idempotencyKey must have at least 8 characters.")
      .max(100, "idempotencyKey can have at most 100 characters.")
      .regex(/^[\x21-\x7e]+$/, "idempotencyKey must be printable ASCII without spaces."),
    /** Above CONFIRM_ABOVE targets, a person sends the count they typed. */
    confirmCount: z
      .number({ error: "confirmCount must be a number." })
      .int("confirmCount must be a whole number.")
      .min(0, "confirmCount cannot be negative.")
      .max(MAX_JOB_DEVICES, `confirmCount can be at most ${MAX_JOB_DEVICES}.`)
      .optional(),
  })
  .refine(hasOneTarget, oneWayToTarget);
export type LaunchJobBody = z.infer<typeof LaunchJobBodySchema>;

export const PreviewTargetSchema = z.object({
  deviceUid: z.string(),
  hostname: z.string(),
  siteName: z.string(),
  online: z.boolean(),
  operatingSystem: z.string().nullable(),
});

/** POST /api/jobs/preview */
export const JobPreviewSchema = z.object({
  componentUid: z.string(),
  componentName: z.string(),
  credentialsRequired: z.boolean(),
  jobName: z.string(),
  variables: z.array(z.object({ name: z.string(), value: z.string() })),
  targets: z.array(PreviewTargetSchema),
  offline: z.number(),
  /** More than CONFIRM_ABOVE targets: the count must be typed to launch. */
  confirmCountRequired: z.boolean(),
  /** How long sending the PUTs will take inside the write budget, about (ms). */
  estimatedDispatchMs: z.number(),
});
export type JobPreview = z.infer<typeof JobPreviewSchema>;

/** POST /api/jobs answer. `replayed`: this idempotency key had already launched the run. */
export const LaunchJobResponseSchema = z.object({ id: z.string(), replayed: z.boolean() });

export const JobIdParamSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "That is not a job run id."),
});
export const JobOutputParamSchema = JobIdParamSchema.extend({
  deviceUid: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "That is not a device uid."),
});

/** GET /api/jobs/:id/devices/:deviceUid/stdout|stderr */
export const JobOutputSchema = z.object({
  text: z.string().nullable(),
  /** False while the target is not final, or has no such output. */
  available: z.boolean(),
  suspiciousLines: z.array(z.string()),
});
export type JobOutput = z.infer<typeof JobOutputSchema>;
