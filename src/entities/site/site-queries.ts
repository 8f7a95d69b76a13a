import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { SiteDetailSchema, SiteListResponseSchema, type SiteQuery } from "@server/contract/sites";
import { FIRST_SYNC_POLL_MS, isFirstSync } from "@/entities/fleet/first-sync";
import { client, parseResponse, searchRecord } from "@/lib/api-client";

async function listSites(query: SiteQuery, signal: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  return parseResponse(
    await client.api.sites.$get({ query: searchRecord(params) }, { init: { signal } }),
    SiteListResponseSchema,
  );
}

/** Keys: ["sites"] > "list", "options" (every site for a picker), ["one", uid] > "detail". */
export const siteQueries = {
  all: () => ["sites"] as const,
  lists: () => [...siteQueries.all(), "list"] as const,
  list: (query: SiteQuery) =>
    queryOptions({
      queryKey: [...siteQueries.lists(), query] as const,
      queryFn: ({ signal }) => listSites(query, signal),
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (isFirstSync(q.state.data) ? FIRST_SYNC_POLL_MS : false),
    }),
  /** Every site as a choice for a picker (device filters, software search scope): one entry. */
  options: () =>
    queryOptions({
      queryKey: [...siteQueries.all(), "options"] as const,
      queryFn: ({ signal }) => listSites({ sort: "name", dir: "asc" }, signal),
      select: (data) => data.rows.map((s) => ({ value: s.uid, label: s.name })),
      staleTime: 5 * 60_000,
    }),
  one: (uid: string) => [...siteQueries.all(), "one", uid] as const,
  detail: (uid: string) =>
    queryOptions({
      queryKey: [...siteQueries.one(uid), "detail"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.sites[":uid"].$get({ param: { uid } }, { init: { signal } }),
          SiteDetailSchema,
        ),
    }),
};
