import { queryOptions } from "@tanstack/react-query";
import {
  AlertDetailResponseSchema,
  AlertListResponseSchema,
  AlertQueueResponseSchema,
  ResolveBatchResponseSchema,
  type AlertQueueQuery,
  type AlertStateSchema,
} from "@server/contract/alerts";
import type { z } from "zod";
import { client, parseResponse } from "@/lib/api-client";

export type AlertState = z.infer<typeof AlertStateSchema>;

/** The queue's query as URL params (lists comma-separated), for the API and for CSV links. */
export function queueParams(query: AlertQueueQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params[key] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return params;
}

/** One key root for every alert list: ["alerts"] > "device" | "site" | "queue" | "detail"... */
export const alertQueries = {
  all: () => ["alerts"] as const,
  forDevice: (uid: string) => [...alertQueries.all(), "device", uid] as const,
  forSite: (uid: string) => [...alertQueries.all(), "site", uid] as const,
  ofDevice: (uid: string, state: AlertState) =>
    queryOptions({
      queryKey: [...alertQueries.forDevice(uid), state] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.devices[":uid"].alerts.$get(
            { param: { uid }, query: { state } },
            { init: { signal } },
          ),
          AlertListResponseSchema,
        ),
    }),
  ofSite: (uid: string, state: AlertState) =>
    queryOptions({
      queryKey: [...alertQueries.forSite(uid), state] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.sites[":uid"].alerts.$get(
            { param: { uid }, query: { state } },
            { init: { signal } },
          ),
          AlertListResponseSchema,
        ),
    }),
  /** The triage queue (GET /api/alerts): polled every 30 s besides the live hints. */
  queue: (query: AlertQueueQuery) =>
    queryOptions({
      queryKey: [...alertQueries.all(), "queue", queueParams(query)] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.alerts.$get({ query: queueParams(query) }, { init: { signal } }),
          AlertQueueResponseSchema,
        ),
      refetchInterval: 30_000,
    }),
  detail: (uid: string) =>
    queryOptions({
      queryKey: [...alertQueries.all(), "detail", uid] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.alerts[":uid"].$get({ param: { uid } }, { init: { signal } }),
          AlertDetailResponseSchema,
        ),
    }),
  batch: (id: string) =>
    queryOptions({
      queryKey: [...alertQueries.all(), "batch", id] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.alerts["resolve-batches"][":id"].$get(
            { param: { id } },
            { init: { signal } },
          ),
          ResolveBatchResponseSchema,
        ),
      refetchInterval: (q) => (q.state.data?.batch.state === "running" ? 1_000 : false),
    }),
};

/** The CSV export link for a queue view. */
export function alertExportUrl(query: AlertQueueQuery): string {
  return client.api.alerts["export.csv"].$url({ query: queueParams(query) }).toString();
}
