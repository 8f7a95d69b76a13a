import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { SavedViewListSchema, SavedViewSchema, type CreateSavedView } from "@server/contract/views";
import { apiFetch } from "@/lib/api-client";

export const savedViewQueries = {
  all: () => ["views"] as const,
  list: () =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), "list"] as const,
      queryFn: ({ signal }) => apiFetch("/api/views", { schema: SavedViewListSchema, signal }),
    }),
};

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: CreateSavedView) =>
      apiFetch("/api/views", { method: "POST", json: view, schema: SavedViewSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.all() }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.all() }),
  });
}
