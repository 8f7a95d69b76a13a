import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { AuditEventSchema, UserSchema } from "@server/contract/users";
import { client, parseResponse } from "@/lib/api-client";

export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(await client.api.users.$get({}, { init: { signal } }), z.array(UserSchema)),
    }),
};

export const eventQueries = {
  all: () => ["events"] as const,
  recent: (limit = 50) =>
    queryOptions({
      queryKey: [...eventQueries.all(), "recent", { limit }] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.events.$get({ query: { limit: String(limit) } }, { init: { signal } }),
          z.array(AuditEventSchema),
        ),
      // Newest first whatever order the server used.
      select: (events) => [...events].sort((a, b) => b.at - a.at || b.id - a.id),
    }),
};
