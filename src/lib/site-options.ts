import { queryOptions } from "@tanstack/react-query";
import { SiteListResponseSchema } from "@server/contract/sites";
import { apiFetch } from "@/lib/api-client";

/** Every site as a choice for a picker (device filters, software search scope): one cache entry. */
export const siteOptionQueries = {
  all: () => ["site-options"] as const,
  options: () =>
    queryOptions({
      queryKey: siteOptionQueries.all(),
      queryFn: ({ signal }) =>
        apiFetch("/api/sites", {
          query: { sort: "name", dir: "asc" },
          schema: SiteListResponseSchema,
          signal,
        }),
      select: (data) => data.rows.map((s) => ({ value: s.uid, label: s.name })),
      staleTime: 5 * 60_000,
    }),
};
