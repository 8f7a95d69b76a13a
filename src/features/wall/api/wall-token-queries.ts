import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  CreatedWallTokenSchema,
  WallTokenListSchema,
  type CreateWallToken,
} from "@server/contract/wall";
import { client, ensureOk, parseResponse } from "@/lib/api-client";

export const wallTokenQueries = {
  all: () => ["wall-tokens"] as const,
  list: () =>
    queryOptions({
      queryKey: [...wallTokenQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api["wall-tokens"].$get({}, { init: { signal } }),
          WallTokenListSchema,
        ),
    }),
};

export function useCreateWallToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateWallToken) =>
      parseResponse(await client.api["wall-tokens"].$post({ json: input }), CreatedWallTokenSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wallTokenQueries.all() }),
  });
}

export function useRevokeWallToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await ensureOk(await client.api["wall-tokens"][":id"].$delete({ param: { id } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wallTokenQueries.all() }),
  });
}
