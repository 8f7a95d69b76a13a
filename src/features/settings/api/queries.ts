import { queryOptions } from "@tanstack/react-query";
import { AgentSettingsSchema } from "@server/contract/agents";
import { client, parseResponse } from "@/lib/api-client";

/** Under ["settings"]: the live hint of that topic refreshes them (the kill switch in every tab). */
export const settingsQueries = {
  all: () => ["settings"] as const,
  current: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), "current"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.settings.$get({}, { init: { signal } }),
          AgentSettingsSchema,
        ),
      refetchInterval: 60_000,
    }),
};
