import type { DattoGateway } from "../gateway/types";
import {
  DattoJobComponentSchema,
  DattoJobResultsSchema,
  DattoJobSchema,
  DattoJobStdDataSchema,
  DattoQuickJobRequestSchema,
  DattoQuickJobResponseSchema,
  type DattoQuickJobRequest,
} from "../schemas/job";
import { seg, type ReadOptions } from "./read-options";

export function createJobEndpoints(gateway: DattoGateway) {
  const resultsPath = (jobUid: string, deviceUid: string) =>
    `/v2/job/${seg(jobUid)}/results/${seg(deviceUid)}`;
  return {
    /**
     * PUT /v2/device/{uid}/quickjob with the nested jobComponent body (API.md §7). Sent exactly
     * once: on any failure the caller must check before launching again.
     */
    createQuickJob: (
      deviceUid: string,
      body: DattoQuickJobRequest,
      options: { signal?: AbortSignal } = {},
    ) =>
      gateway.write({
        operation: "device-job-create",
        method: "PUT",
        path: `/v2/device/${seg(deviceUid)}/quickjob`,
        body: DattoQuickJobRequestSchema.parse(body),
        schema: DattoQuickJobResponseSchema,
        ...options,
      }),
    getJob: (jobUid: string, options: ReadOptions = {}) =>
      gateway.read({ path: `/v2/job/${seg(jobUid)}`, schema: DattoJobSchema, ...options }),
    listJobComponents: (jobUid: string, options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: `/v2/job/${seg(jobUid)}/components`,
        itemsKey: "jobComponents",
        itemSchema: DattoJobComponentSchema,
        ...options,
      }),
    getJobResults: (jobUid: string, deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: resultsPath(jobUid, deviceUid),
        schema: DattoJobResultsSchema,
        ...options,
      }),
    getJobStdout: (jobUid: string, deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: `${resultsPath(jobUid, deviceUid)}/stdout`,
        schema: DattoJobStdDataSchema,
        ...options,
      }),
    getJobStderr: (jobUid: string, deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: `${resultsPath(jobUid, deviceUid)}/stderr`,
        schema: DattoJobStdDataSchema,
        ...options,
      }),
  };
}
