import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { AuditEventSchema, UserSchema } from "@server/contract/users";
import { apiFetch } from "@/lib/api-client";

export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiFetch("/api/users", { schema: z.array(UserSchema), signal }),
    }),
};

export const eventQueries = {
  all: () => ["events"] as const,
  recent: (limit = 50) =>
    queryOptions({
      queryKey: [...eventQueries.all(), "recent", { limit }] as const,
      queryFn: ({ signal }) =>
        apiFetch("/api/events", { query: { limit }, schema: z.array(AuditEventSchema), signal }),
      // Newest first whatever order the server used.
      select: (events) => [...events].sort((a, b) => b.at - a.at || b.id - a.id),
    }),
};
