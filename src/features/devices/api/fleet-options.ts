import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { FilterListResponseSchema, UdfLabelsSchema, type UdfLabels } from "@server/contract/views";
import { client, parseResponse } from "@/lib/api-client";

/** Datto's saved filters and the admin-given UDF names (sites come from the site entity). */
export const fleetOptionQueries = {
  all: () => ["fleet", "options"] as const,
  filters: () =>
    queryOptions({
      queryKey: [...fleetOptionQueries.all(), "filters"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.fleet.filters.$get({}, { init: { signal } }),
          FilterListResponseSchema,
        ),
      staleTime: 5 * 60_000,
    }),
  udfLabels: () =>
    queryOptions({
      queryKey: [...fleetOptionQueries.all(), "udf-labels"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.fleet["udf-labels"].$get({}, { init: { signal } }),
          UdfLabelsSchema,
        ),
      staleTime: 5 * 60_000,
    }),
};

/** Admins name UDFs; an empty label removes the name. */
export function useSaveUdfLabels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (labels: UdfLabels) =>
      parseResponse(await client.api.fleet["udf-labels"].$put({ json: labels }), UdfLabelsSchema),
    onSuccess: (labels) =>
      queryClient.setQueryData(fleetOptionQueries.udfLabels().queryKey, labels),
  });
}
