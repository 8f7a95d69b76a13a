import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { SoftwareSearchResponseSchema, type SoftwareSearchQuery } from "@server/contract/software";
import { apiFetch } from "@/lib/api-client";

export const softwareSearchQueries = {
  all: () => ["software-search"] as const,
  search: (query: SoftwareSearchQuery) =>
    queryOptions({
      queryKey: [...softwareSearchQueries.all(), query] as const,
      queryFn: ({ signal }) =>
        apiFetch("/api/software/search", {
          query: { name: query.name, siteUid: query.siteUid },
          schema: SoftwareSearchResponseSchema,
          signal,
        }),
      // The server crawls software audits within the shared budget; ask again until it is done.
      refetchInterval: (q) => (q.state.data?.progress.state === "crawling" ? 1_000 : false),
      placeholderData: keepPreviousData,
    }),
};
