import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ComponentListResponseSchema } from "@server/contract/components";
import {
  JobListResponseSchema,
  JobOutputSchema,
  JobRunSchema,
  type JobListQuery,
  type JobRun,
} from "@server/contract/jobs";
import { client, parseResponse } from "@/lib/api-client";

export type JobFilters = Partial<Record<keyof JobListQuery, string>>;

const clean = (filters: JobFilters): Record<string, string> =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));

/** A run still moving is polled (the fallback when live hints do not arrive). */
export const runIsLive = (run: JobRun | undefined) => run !== undefined && run.state !== "finished";

/** One key root for job data: ["jobs"], which the "jobs" live hint makes stale. */
export const jobQueries = {
  all: () => ["jobs"] as const,
  list: (filters: JobFilters) =>
    queryOptions({
      queryKey: [...jobQueries.all(), "list", clean(filters)] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.jobs.$get({ query: clean(filters) }, { init: { signal } }),
          JobListResponseSchema,
        ),
      placeholderData: keepPreviousData,
      refetchInterval: (q) =>
        q.state.data?.runs.some((r) => r.state !== "finished") ? 10_000 : false,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...jobQueries.all(), "run", id] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.jobs[":id"].$get({ param: { id } }, { init: { signal } }),
          JobRunSchema,
        ),
      refetchInterval: (q) => (runIsLive(q.state.data) ? 4_000 : false),
    }),
  output: (id: string, deviceUid: string, stream: "stdout" | "stderr") =>
    queryOptions({
      queryKey: [...jobQueries.all(), "run", id, "output", deviceUid, stream] as const,
      queryFn: async ({ signal }) => {
        const route = client.api.jobs[":id"].devices[":deviceUid"][stream];
        return parseResponse(
          await route.$get({ param: { id, deviceUid } }, { init: { signal } }),
          JobOutputSchema,
        );
      },
    }),
  /** Not under ["jobs"]: a job's progress hint must not refetch the catalog (a Datto-calling route). */
  components: () =>
    queryOptions({
      queryKey: ["components"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.components.$get({ query: {} }, { init: { signal } }),
          ComponentListResponseSchema,
        ),
      staleTime: 5 * 60_000,
    }),
};

export const jobOutputsCsvUrl = (id: string) =>
  client.api.jobs[":id"]["outputs.csv"].$url({ param: { id } }).pathname;
