import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { SiteDetailSchema, SiteListResponseSchema, type SiteQuery } from "@server/contract/sites";
import { AlertListResponseSchema } from "@server/contract/alerts";
import { apiFetch } from "@/lib/api-client";

export const siteQueries = {
  all: () => ["sites"] as const,
  lists: () => [...siteQueries.all(), "list"] as const,
  list: (query: SiteQuery) =>
    queryOptions({
      queryKey: [...siteQueries.lists(), query] as const,
      queryFn: ({ signal }) =>
        apiFetch("/api/sites", {
          query: { q: query.q, sort: query.sort, dir: query.dir },
          schema: SiteListResponseSchema,
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (siteUid: string) =>
    queryOptions({
      queryKey: [...siteQueries.all(), "detail", siteUid] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/sites/${encodeURIComponent(siteUid)}`, { schema: SiteDetailSchema, signal }),
    }),
  alerts: (siteUid: string) =>
    queryOptions({
      queryKey: [...siteQueries.all(), "detail", siteUid, "alerts"] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/sites/${encodeURIComponent(siteUid)}/alerts`, {
          schema: AlertListResponseSchema,
          signal,
        }),
    }),
};
