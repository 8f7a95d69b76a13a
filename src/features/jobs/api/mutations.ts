import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  JobPreviewSchema,
  LaunchJobResponseSchema,
  type JobRequest,
  type LaunchJobBody,
} from "@server/contract/jobs";
import { jobQueries } from "@/entities/job/job-queries";
import { client, ensureOk, parseResponse } from "@/lib/api-client";

export function usePreviewJob() {
  return useMutation({
    mutationFn: async (body: JobRequest) =>
      parseResponse(await client.api.jobs.preview.$post({ json: body }), JobPreviewSchema),
  });
}

/** Never retried by itself: the idempotency key makes a person's retry safe, not ours. */
export function useLaunchJob() {
  const queryClient = useQueryClient();
  return useMutation({
    retry: false,
    mutationFn: async (body: LaunchJobBody) =>
      parseResponse(await client.api.jobs.$post({ json: body }), LaunchJobResponseSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: jobQueries.all() }),
  });
}

export function useToggleFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ uid, favourite }: { uid: string; favourite: boolean }) =>
      ensureOk(
        await client.api.components[":uid"].favourite.$put({
          param: { uid },
          json: { favourite },
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: jobQueries.components().queryKey }),
  });
}
