import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  DeviceDetailSchema,
  DeviceListResponseSchema,
  deviceQueryToSearchParams,
  type DeviceQuery,
} from "@server/contract/devices";
import { FIRST_SYNC_POLL_MS, isFirstSync } from "@/entities/fleet/first-sync";
import { client, parseResponse, searchRecord } from "@/lib/api-client";

/**
 * Rows per request: a viewport (~25 rows) never spans more than two windows. 100, not 200: at
 * 200,000 devices the first answer is half the JSON to send, parse and check (decision 0031).
 */
export const DEVICE_WINDOW_SIZE = 100;

/** The query without paging: what a window key and the CSV export depend on. */
export function withoutPaging(query: DeviceQuery): DeviceQuery {
  const { offset: _offset, limit: _limit, ...rest } = query;
  return rest;
}

/** Which devices, not in what order: counts and memberships share a cache entry across sorts. */
function withoutOrder(query: DeviceQuery): DeviceQuery {
  const { sort: _sort, dir: _dir, ...rest } = withoutPaging(query);
  return rest;
}

async function listDevices(query: DeviceQuery, signal: AbortSignal) {
  const res = await client.api.devices.$get(
    { query: searchRecord(deviceQueryToSearchParams(query)) },
    { init: { signal } },
  );
  return parseResponse(res, DeviceListResponseSchema);
}

/**
 * Keys: ["devices"] > "list" (windows of a view), "count", "members", ["one", uid] (one device's
 * detail; features hang its audit and software below it, so invalidating a device refreshes all).
 */
export const deviceQueries = {
  all: () => ["devices"] as const,
  lists: () => [...deviceQueries.all(), "list"] as const,
  window: (query: DeviceQuery, windowIndex: number) =>
    queryOptions({
      queryKey: [...deviceQueries.lists(), withoutPaging(query), windowIndex] as const,
      queryFn: ({ signal }) =>
        listDevices(
          {
            ...withoutPaging(query),
            offset: windowIndex * DEVICE_WINDOW_SIZE,
            limit: DEVICE_WINDOW_SIZE,
          },
          signal,
        ),
      staleTime: 30_000,
      // A new filter or sort keeps showing the previous rows until the new ones arrive.
      placeholderData: keepPreviousData,
      // Poll while there is nothing to show yet: the first sync, or a Datto saved filter being read.
      refetchInterval: (q) =>
        isFirstSync(q.state.data) || q.state.data?.filter?.state === "resolving"
          ? FIRST_SYNC_POLL_MS
          : false,
    }),
  /** How many devices match (a one-row answer). */
  count: (query: DeviceQuery) =>
    queryOptions({
      queryKey: [...deviceQueries.all(), "count", withoutOrder(query)] as const,
      queryFn: ({ signal }) => listDevices({ ...withoutOrder(query), limit: 1 }, signal),
      select: (answer) => answer.total,
      staleTime: 30_000,
    }),
  /** Which of `uids` match `query`. */
  members: (query: DeviceQuery, uids: readonly string[]) =>
    queryOptions({
      queryKey: [...deviceQueries.all(), "members", withoutOrder(query), uids] as const,
      queryFn: ({ signal }) =>
        listDevices({ ...withoutOrder(query), uids: [...uids], limit: uids.length }, signal),
      // An array, not a Set: structural sharing keeps it the same object while unchanged.
      select: (answer) => answer.rows.map((row) => row.uid),
      staleTime: 30_000,
      placeholderData: keepPreviousData,
    }),
  /** Rows of `query` (at most `limit`), e.g. the hostnames of a selection. */
  rows: (query: DeviceQuery, limit: number) =>
    queryOptions({
      queryKey: [...deviceQueries.all(), "rows", withoutPaging(query), limit] as const,
      queryFn: ({ signal }) => listDevices({ ...withoutPaging(query), limit }, signal),
    }),
  one: (uid: string) => [...deviceQueries.all(), "one", uid] as const,
  detail: (uid: string) =>
    queryOptions({
      queryKey: [...deviceQueries.one(uid), "detail"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.devices[":uid"].$get({ param: { uid } }, { init: { signal } }),
          DeviceDetailSchema,
        ),
    }),
};
