import { useMutation, useQueryClient } from "@tanstack/react-query";
import { alertQueries } from "@/entities/alert/alert-queries";
import { deviceQueries } from "@/entities/device/device-queries";
import { readRefreshAnswer } from "@/entities/fleet/refresh-outcome";
import { siteQueries } from "@/entities/site/site-queries";
import { client } from "@/lib/api-client";

/**
 * Re-reads one site and its devices from Datto now (technicians and up). The server answers once
 * its fleet index holds the new data: the sites, their devices and the site's alerts refetch.
 */
export function useRefreshSite(siteUid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      readRefreshAnswer(
        await client.api.sites[":uid"].refresh.$post({ param: { uid: siteUid } }),
        Date.now(),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: siteQueries.all() }),
        queryClient.invalidateQueries({ queryKey: deviceQueries.all() }),
        queryClient.invalidateQueries({ queryKey: alertQueries.forSite(siteUid) }),
      ]),
  });
}
