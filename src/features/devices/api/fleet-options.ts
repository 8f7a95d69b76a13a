import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { FilterListResponseSchema, UdfLabelsSchema, type UdfLabels } from "@server/contract/views";
import { udfLabelQueries } from "@/components/data-table/devices/device-queries";
import { apiFetch } from "@/lib/api-client";

/** Datto's saved filters for the filter controls (sites come from lib/site-options). */
export const fleetOptionQueries = {
  all: () => ["fleet", "options"] as const,
  filters: () =>
    queryOptions({
      queryKey: [...fleetOptionQueries.all(), "filters"] as const,
      queryFn: ({ signal }) =>
        apiFetch("/api/fleet/filters", { schema: FilterListResponseSchema, signal }),
      staleTime: 5 * 60_000,
    }),
};

/** Admins name UDFs; an empty label removes the name. */
export function useSaveUdfLabels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (labels: UdfLabels) =>
      apiFetch("/api/fleet/udf-labels", { method: "PUT", json: labels, schema: UdfLabelsSchema }),
    onSuccess: (labels) => queryClient.setQueryData(udfLabelQueries.labels().queryKey, labels),
  });
}
