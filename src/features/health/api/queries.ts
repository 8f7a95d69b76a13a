import { queryOptions } from "@tanstack/react-query";
import { HealthSchema } from "@server/contract/health";
import { client, parseResponse } from "@/lib/api-client";

export const HEALTH_POLL_MS = 15_000;

export const healthQueries = {
  all: () => ["health"] as const,
  status: () =>
    queryOptions({
      queryKey: [...healthQueries.all(), "status"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(await client.api.health.$get({}, { init: { signal } }), HealthSchema),
      refetchInterval: HEALTH_POLL_MS,
      staleTime: HEALTH_POLL_MS - 1_000,
      // The indicator must show an outage, not retry quietly through it.
      retry: false,
    }),
};
