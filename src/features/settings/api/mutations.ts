import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AgentSettingsSchema } from "@server/contract/agents";
import { client, parseResponse } from "@/lib/api-client";
import { settingsQueries } from "./queries";

export function useSetWritesPaused() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (paused: boolean) =>
      parseResponse(
        await client.api.settings["writes-paused"].$put({ json: { paused } }),
        AgentSettingsSchema,
      ),
    onSuccess: (settings) => queryClient.setQueryData(settingsQueries.current().queryKey, settings),
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: {
      proposalTtlMinutes?: number;
      proposalWebhookUrl?: string | null;
    }) => parseResponse(await client.api.settings.$patch({ json: changes }), AgentSettingsSchema),
    onSuccess: (settings) => queryClient.setQueryData(settingsQueries.current().queryKey, settings),
  });
}
