import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deviceQueries } from "@/components/data-table/devices/device-queries";
import { apiFetch } from "@/lib/api-client";
import { siteQueries } from "./queries";

/**
 * Asks the server to re-read one site and its devices from Datto now (technicians and up). The
 * server answers once its fleet index holds the new data, so the site and device lists refetch.
 */
export function useRefreshSite(siteUid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/sites/${encodeURIComponent(siteUid)}/refresh`, { method: "POST", json: {} }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: siteQueries.all() }),
        queryClient.invalidateQueries({ queryKey: deviceQueries.all() }),
      ]),
  });
}
