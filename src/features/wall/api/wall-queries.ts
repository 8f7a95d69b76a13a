import { queryOptions } from "@tanstack/react-query";
import { WallSummarySchema } from "@server/contract/wall";
import { client, parseResponse } from "@/lib/api-client";

/** Until the first summary says otherwise (WALL_REFRESH_SECONDS on the server). */
export const DEFAULT_REFRESH_MS = 15_000;

export const wallQueries = {
  all: () => ["wall"] as const,
  /**
   * The wall summary, with the wall's token when it has one (else the person's session: a
   * preview). No retries of its own: the next refresh is the retry, and an error must show at once.
   */
  summary: (token: string | null) =>
    queryOptions({
      queryKey: [...wallQueries.all(), "summary", { hasToken: token !== null }] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.wall.summary.$get(
            {},
            {
              init: { signal },
              ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
            },
          ),
          WallSummarySchema,
        ),
      retry: false,
      staleTime: 0,
      refetchIntervalInBackground: true,
    }),
};
