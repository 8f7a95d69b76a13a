import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  ClaimResponseSchema,
  ResolveBatchResponseSchema,
  ResolveOneResponseSchema,
} from "@server/contract/alerts";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
import { deviceQueries } from "@/entities/device/device-queries";
import { alertQueries } from "./alert-queries";

/** After any alert action: every alert list, and the devices' and sites' counts. */
function useInvalidateAlerts() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: alertQueries.all() });
    void queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
  };
}

export function useResolveAlert() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: async (uid: string) =>
      parseResponse(
        await client.api.alerts[":uid"].resolve.$post({ param: { uid } }),
        ResolveOneResponseSchema,
      ),
    onSettled: invalidate,
  });
}

/** Starts a bulk resolve on the server; its progress is read with alertQueries.batch(id). */
export function useStartBulkResolve() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: async (uids: string[]) =>
      parseResponse(
        await client.api.alerts.resolve.$post({ json: { uids } }),
        ResolveBatchResponseSchema,
      ),
    onSettled: invalidate,
  });
}

export function useClaimAlert() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: async (input: { uid: string; note?: string }) =>
      parseResponse(
        await client.api.alerts[":uid"].claim.$post({
          param: { uid: input.uid },
          json: input.note ? { note: input.note } : {},
        }),
        ClaimResponseSchema,
      ),
    onSettled: invalidate,
  });
}

export function useReleaseAlert() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: async (uid: string) => {
      await ensureOk(await client.api.alerts[":uid"].claim.$delete({ param: { uid } }));
    },
    onSettled: invalidate,
  });
}
