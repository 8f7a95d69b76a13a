import { queryOptions } from "@tanstack/react-query";
import { WallSummarySchema } from "@server/contract/wall";
import { client, parseResponse } from "@/lib/api-client";

/** Until the first summary says otherwise (WALL_REFRESH_SECONDS on the server). */
export const DEFAULT_REFRESH_MS = 15_000;
/** The summary is one cached object on the server: an answer takes milliseconds, or never comes. */
export const SUMMARY_TIMEOUT_MS = 10_000;

export const wallQueries = {
  all: () => ["wall"] as const,
  /**
   * The wall summary, with the wall's token when it has one (else the person's session: a
   * preview). No retries of its own: the next refresh is the retry, and an error must show at once.
   */
  summary: (token: string | null) =>
    queryOptions({
      queryKey: [...wallQueries.all(), "summary", { hasToken: token !== null }] as const,
      queryFn: async ({ signal }) => {
        // A request that hangs (a server stopping mid-answer, a half-open connection) would hold
        // the next refresh back for as long as the OS keeps the socket: give up, say so, go again.
        const timeout = AbortSignal.timeout(SUMMARY_TIMEOUT_MS);
        try {
          return parseResponse(
            await client.api.wall.summary.$get(
              {},
              {
                init: { signal: AbortSignal.any([signal, timeout]) },
                ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
              },
            ),
            WallSummarySchema,
          );
        } catch (error) {
          if (timeout.aborted && !signal.aborted) {
            throw new Error(`No answer within ${SUMMARY_TIMEOUT_MS / 1000} s.`);
          }
          throw error;
        }
      },
      retry: false,
      staleTime: 0,
      refetchIntervalInBackground: true,
    }),
};
