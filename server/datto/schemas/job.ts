import { z } from "zod";
import { DattoTimestampSchema, flexibleNumber, nullableBoolean, nullableString } from "./common";

/** GET /v2/job/{uid}. Status is only "active" or "completed" (API.md §7); kept as text. */
export const DattoJobSchema = z.looseObject({
  id: flexibleNumber,
  uid: z.string(),
  name: nullableString,
  dateCreated: DattoTimestampSchema,
  status: nullableString,
});
export type DattoJob = z.infer<typeof DattoJobSchema>;

export const DattoJobVariableSchema = z.looseObject({ name: z.string(), value: nullableString });

export const DattoJobComponentSchema = z.looseObject({
  uid: nullableString,
  name: nullableString,
  variables: z.array(DattoJobVariableSchema).nullish(),
});
export type DattoJobComponent = z.infer<typeof DattoJobComponentSchema>;

/** The answer to PUT /v2/device/{uid}/quickjob. */
export const DattoQuickJobResponseSchema = z.looseObject({
  job: DattoJobSchema,
  jobComponents: z.array(DattoJobComponentSchema).nullish(),
});
export type DattoQuickJobResponse = z.infer<typeof DattoQuickJobResponseSchema>;

/** The body of PUT /v2/device/{uid}/quickjob: the NESTED jobComponent is required (API.md §7). */
export const DattoQuickJobRequestSchema = z.object({
  jobName: z.string().min(1),
  jobComponent: z.object({
    componentUid: z.string().min(1),
    variables: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  }),
});
export type DattoQuickJobRequest = z.input<typeof DattoQuickJobRequestSchema>;

export const DattoComponentResultSchema = z.looseObject({
  componentUid: nullableString,
  componentName: nullableString,
  /** Success | Failure. */
  componentStatus: nullableString,
  numberOfWarnings: flexibleNumber,
  hasStdOut: nullableBoolean,
  hasStdErr: nullableBoolean,
});

/** GET /v2/job/{jobUid}/results/{deviceUid}. */
export const DattoJobResultsSchema = z.looseObject({
  jobUid: nullableString,
  deviceUid: nullableString,
  ranOn: DattoTimestampSchema,
  /** Pending | Running | Success | Warning | Failure | Expired | Retired. */
  jobDeploymentStatus: nullableString,
  componentResults: z.array(DattoComponentResultSchema).nullish(),
});
export type DattoJobResults = z.infer<typeof DattoJobResultsSchema>;

/** GET /v2/job/{jobUid}/results/{deviceUid}/stdout and /stderr. */
export const DattoJobStdDataSchema = z.array(
  z.looseObject({
    componentUid: nullableString,
    componentName: nullableString,
    stdData: nullableString,
  }),
);
export type DattoJobStdData = z.infer<typeof DattoJobStdDataSchema>;
