import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  DeviceListResponseSchema,
  deviceQueryToSearchParams,
  type DeviceQuery,
} from "@server/contract/devices";
import { UdfLabelsSchema } from "@server/contract/views";
import { apiFetch } from "@/lib/api-client";

/** Rows per request: a viewport never spans more than two windows. */
export const DEVICE_WINDOW_SIZE = 200;

/** The query without paging: what a window key and the CSV export depend on. */
export function withoutPaging(query: DeviceQuery): DeviceQuery {
  const { offset: _offset, limit: _limit, ...rest } = query;
  return rest;
}

export function searchRecord(query: DeviceQuery): Record<string, string> {
  return Object.fromEntries(deviceQueryToSearchParams(query));
}

/** Shared by the device browser and the site page (features cannot import each other). */
export const deviceQueries = {
  all: () => ["devices"] as const,
  windows: () => [...deviceQueries.all(), "window"] as const,
  window: (query: DeviceQuery, windowIndex: number) =>
    queryOptions({
      queryKey: [...deviceQueries.windows(), withoutPaging(query), windowIndex] as const,
      queryFn: ({ signal }) =>
        apiFetch("/api/devices", {
          query: {
            ...searchRecord(withoutPaging(query)),
            offset: windowIndex * DEVICE_WINDOW_SIZE,
            limit: DEVICE_WINDOW_SIZE,
          },
          schema: DeviceListResponseSchema,
          signal,
        }),
      staleTime: 30_000,
      // A new filter or sort keeps showing the previous rows until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
};

export const udfLabelQueries = {
  all: () => ["fleet", "udf-labels"] as const,
  labels: () =>
    queryOptions({
      queryKey: udfLabelQueries.all(),
      queryFn: ({ signal }) =>
        apiFetch("/api/fleet/udf-labels", { schema: UdfLabelsSchema, signal }),
      staleTime: 5 * 60_000,
    }),
};

/** The CSV of every row matching `query` (all pages, loaded or not), in the given columns. */
export function deviceExportUrl(query: DeviceQuery, columns: readonly string[]): string {
  const params = deviceQueryToSearchParams(withoutPaging(query));
  const shown = columns.filter((c) => c !== "select");
  if (shown.length > 0) params.set("columns", shown.join(","));
  return `/api/devices/export.csv?${params.toString()}`;
}
