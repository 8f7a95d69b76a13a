import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertListResponseSchema } from "@server/contract/alerts";
import { DeviceAuditSchema } from "@server/contract/device-audit";
import { DeviceDetailSchema } from "@server/contract/devices";
import { SoftwareListSchema } from "@server/contract/software";
import { apiFetch } from "@/lib/api-client";

export type AlertState = "open" | "resolved";

const path = (uid: string, rest = "") => `/api/devices/${encodeURIComponent(uid)}${rest}`;

export const deviceDetailQueries = {
  all: () => ["device"] as const,
  device: (uid: string) => [...deviceDetailQueries.all(), uid] as const,
  detail: (uid: string) =>
    queryOptions({
      queryKey: [...deviceDetailQueries.device(uid), "detail"] as const,
      queryFn: ({ signal }) => apiFetch(path(uid), { schema: DeviceDetailSchema, signal }),
    }),
  audit: (uid: string) =>
    queryOptions({
      queryKey: [...deviceDetailQueries.device(uid), "audit"] as const,
      queryFn: ({ signal }) => apiFetch(path(uid, "/audit"), { schema: DeviceAuditSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  software: (uid: string) =>
    queryOptions({
      queryKey: [...deviceDetailQueries.device(uid), "software"] as const,
      queryFn: ({ signal }) =>
        apiFetch(path(uid, "/software"), { schema: SoftwareListSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  alerts: (uid: string, state: AlertState) =>
    queryOptions({
      queryKey: [...deviceDetailQueries.device(uid), "alerts", state] as const,
      queryFn: ({ signal }) =>
        apiFetch(path(uid, "/alerts"), {
          query: { state },
          schema: AlertListResponseSchema,
          signal,
        }),
    }),
};

/** Asks the server to re-read this device from Datto now; the page refetches shortly after. */
export function useRefreshDevice(uid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(path(uid, "/refresh"), { method: "POST", json: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceDetailQueries.device(uid) }),
  });
}
