import { queryOptions } from "@tanstack/react-query";
import { AlertListResponseSchema, type AlertStateSchema } from "@server/contract/alerts";
import type { z } from "zod";
import { client, parseResponse } from "@/lib/api-client";

export type AlertState = z.infer<typeof AlertStateSchema>;

/** One key root for every alert list: ["alerts"] > "device" | "site", uid, state. */
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
};
