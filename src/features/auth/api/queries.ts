import { queryOptions } from "@tanstack/react-query";
import { AuthConfigSchema } from "@server/contract/auth";
import { client, parseResponse } from "@/lib/api-client";
import { sessionQueries } from "@/lib/session";

/** Keys: ["auth"] > ["auth","me"] (owned by src/lib/session.ts, shared app-wide), ["auth","config"]. */
export const authQueries = {
  all: sessionQueries.all,
  me: sessionQueries.me,
  config: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), "config"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.auth.config.$get({}, { init: { signal } }),
          AuthConfigSchema,
        ),
      // The mode does not change while the server runs.
      staleTime: Infinity,
    }),
};
