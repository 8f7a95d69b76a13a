import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { SoftwareSearchResponseSchema, type SoftwareSearchQuery } from "@server/contract/software";
import { client, parseResponse } from "@/lib/api-client";

/** Asked again while the crawl runs; slower while Datto is not answering it. */
const CRAWL_POLL_MS = 1_000;
const OUTAGE_POLL_MS = 5_000;

/** The query as URL params: only what is set, so equal searches have equal keys and links. */
export function softwareSearchParams(query: SoftwareSearchQuery) {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && value !== false) params[key] = String(value);
  }
  return { ...params, name: query.name };
}

export const softwareSearchQueries = {
  all: () => ["software-search"] as const,
  search: (query: SoftwareSearchQuery) =>
    queryOptions({
      queryKey: [...softwareSearchQueries.all(), softwareSearchParams(query)] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.software.search.$get(
            { query: softwareSearchParams(query) },
            { init: { signal } },
          ),
          SoftwareSearchResponseSchema,
        ),
      // The server crawls software audits within the shared budget; ask again until it is done.
      refetchInterval: (q) => {
        const data = q.state.data;
        if (data?.progress.state !== "crawling") return false;
        return data.outage ? OUTAGE_POLL_MS : CRAWL_POLL_MS;
      },
      placeholderData: keepPreviousData,
    }),
};

/** Every match the query keeps, in its order, as a CSV file from the server. */
export function softwareExportUrl(query: SoftwareSearchQuery): string {
  const url = client.api.software.search["export.csv"].$url({ query: softwareSearchParams(query) });
  return url.pathname + url.search;
}
