import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { SoftwareSearchResponseSchema, type SoftwareSearchQuery } from "@server/contract/software";
import { client, parseResponse } from "@/lib/api-client";

/** Asked again while the crawl runs; slower while Datto is not answering it. */
const CRAWL_POLL_MS = 1_000;
const OUTAGE_POLL_MS = 5_000;

export const softwareSearchQueries = {
  all: () => ["software-search"] as const,
  search: (query: SoftwareSearchQuery) =>
    queryOptions({
      queryKey: [...softwareSearchQueries.all(), query] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.software.search.$get(
            { query: { name: query.name, ...(query.siteUid ? { siteUid: query.siteUid } : {}) } },
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
