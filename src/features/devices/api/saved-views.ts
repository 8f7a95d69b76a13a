import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { SavedViewListSchema, SavedViewSchema, type CreateSavedView } from "@server/contract/views";
import { client, ensureOk, parseResponse } from "@/lib/api-client";

export const savedViewQueries = {
  all: () => ["views"] as const,
  list: () =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(await client.api.views.$get({}, { init: { signal } }), SavedViewListSchema),
    }),
};

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (view: CreateSavedView) =>
      parseResponse(await client.api.views.$post({ json: view }), SavedViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.all() }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await ensureOk(await client.api.views[":id"].$delete({ param: { id } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.all() }),
  });
}
