import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { AuditChainSchema, AuditPageSchema } from "@server/contract/audit";
import { client, parseResponse } from "@/lib/api-client";

export type AuditFilter = {
  kind?: string;
  actorKind?: string;
  actor?: string;
  since?: string;
  until?: string;
};

const query = (f: AuditFilter) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;

export const auditQueries = {
  all: () => ["audit"] as const,
  pages: (filter: AuditFilter) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), "pages", filter] as const,
      initialPageParam: null as number | null,
      queryFn: async ({ pageParam, signal }) =>
        parseResponse(
          await client.api.audit.$get(
            {
              query: {
                ...query(filter),
                limit: "100",
                ...(pageParam ? { before: String(pageParam) } : {}),
              },
            },
            { init: { signal } },
          ),
          AuditPageSchema,
        ),
      getNextPageParam: (last) => last.nextBefore,
    }),
  chain: () =>
    queryOptions({
      queryKey: [...auditQueries.all(), "chain"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.audit.verify.$get({}, { init: { signal } }),
          AuditChainSchema,
        ),
    }),
  exportUrl: (filter: AuditFilter) =>
    client.api.audit["export.csv"].$url({ query: query(filter) }).toString(),
};
