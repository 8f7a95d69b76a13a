import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { DeviceAuditSchema } from "@server/contract/device-audit";
import { SoftwareListSchema } from "@server/contract/software";
import { alertQueries } from "@/entities/alert/alert-queries";
import { deviceQueries } from "@/entities/device/device-queries";
import { readRefreshAnswer } from "@/entities/fleet/refresh-outcome";
import { client, parseResponse } from "@/lib/api-client";

/** One device's audit and software, kept under the device's entity key (deviceQueries.one). */
export const deviceAuditQueries = {
  audit: (uid: string) =>
    queryOptions({
      queryKey: [...deviceQueries.one(uid), "audit"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.devices[":uid"].audit.$get({ param: { uid } }, { init: { signal } }),
          DeviceAuditSchema,
        ),
      staleTime: 5 * 60_000,
    }),
  software: (uid: string) =>
    queryOptions({
      queryKey: [...deviceQueries.one(uid), "software"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.devices[":uid"].software.$get({ param: { uid } }, { init: { signal } }),
          SoftwareListSchema,
        ),
      staleTime: 5 * 60_000,
    }),
};

/** Re-reads this device from Datto now; the device, the lists showing it and its alerts refetch. */
export function useRefreshDevice(uid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      readRefreshAnswer(
        await client.api.devices[":uid"].refresh.$post({ param: { uid } }),
        Date.now(),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deviceQueries.all() }),
        queryClient.invalidateQueries({ queryKey: alertQueries.forDevice(uid) }),
      ]),
  });
}
