import { queryOptions } from "@tanstack/react-query";
import { ProposalListSchema, ProposalSchema } from "@server/contract/proposals";
import { client, parseResponse } from "@/lib/api-client";

/** Under ["proposals"]: the live hint of that topic (src/app/live-updates.ts) refreshes them all. */
export const proposalQueries = {
  all: () => ["proposals"] as const,
  pending: () =>
    queryOptions({
      queryKey: [...proposalQueries.all(), "list", "pending"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.proposals.$get({ query: { state: "pending" } }, { init: { signal } }),
          ProposalListSchema,
        ),
      // Live hints do the work; this is the fallback when the stream is down.
      refetchInterval: 30_000,
    }),
  history: () =>
    queryOptions({
      queryKey: [...proposalQueries.all(), "list", "decided"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.proposals.$get(
            { query: { state: "decided", limit: "50" } },
            { init: { signal } },
          ),
          ProposalListSchema,
        ),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...proposalQueries.all(), "detail", id] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.proposals[":id"].$get({ param: { id } }, { init: { signal } }),
          ProposalSchema,
        ),
    }),
};
