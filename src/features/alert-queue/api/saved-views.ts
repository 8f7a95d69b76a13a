import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertQueueQuerySchema, type AlertQueueQuery } from "@server/contract/alerts";
import {
  AlertSavedViewListSchema,
  AlertSavedViewSchema,
  type AlertSavedView,
  type CreateAlertSavedView,
} from "@server/contract/views";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
import type { Group } from "../use-alert-url-state";

/**
 * Saved queue views: the person's own, kept by the server (kind "alerts" of /api/views), so they
 * follow the person to any browser. A view whose parameters no longer parse keeps what does.
 */
export type AlertView = { id: string; name: string; query: AlertQueueQuery; group: Group | null };

export function toAlertView(view: AlertSavedView): AlertView {
  const parsed = AlertQueueQuerySchema.safeParse(view.params);
  return {
    id: view.id,
    name: view.name,
    query: parsed.success ? parsed.data : {},
    group: view.group,
  };
}

export const alertViewQueries = {
  all: () => ["views", "alerts"] as const,
  list: () =>
    queryOptions({
      queryKey: [...alertViewQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.views.alerts.$get({}, { init: { signal } }),
          AlertSavedViewListSchema,
        ),
      select: (answer) => answer.views.map(toAlertView),
    }),
};

export function useCreateAlertView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (view: CreateAlertSavedView) =>
      toAlertView(
        await parseResponse(
          await client.api.views.alerts.$post({ json: view }),
          AlertSavedViewSchema,
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertViewQueries.all() }),
  });
}

export function useDeleteAlertView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await ensureOk(await client.api.views[":id"].$delete({ param: { id } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertViewQueries.all() }),
  });
}
