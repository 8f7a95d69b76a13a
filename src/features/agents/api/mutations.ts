import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  AgentTokenSchema,
  CreatedAgentTokenSchema,
  ToolPolicyRowSchema,
  type CreateAgentToken,
  type ToolName,
  type ToolPolicy,
  type UpdateAgentToken,
} from "@server/contract/agents";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
import { agentTokenQueries, toolPolicyQueries } from "./queries";

function useInvalidateTokens() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agentTokenQueries.all() });
}

export function useCreateAgentToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: async (input: CreateAgentToken) =>
      parseResponse(
        await client.api["agent-tokens"].$post({ json: input }),
        CreatedAgentTokenSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateAgentToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: async ({ id, ...changes }: UpdateAgentToken & { id: string }) =>
      parseResponse(
        await client.api["agent-tokens"][":id"].$patch({ param: { id }, json: changes }),
        AgentTokenSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useRevokeAgentToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: async (id: string) => {
      await ensureOk(await client.api["agent-tokens"][":id"].$delete({ param: { id } }));
    },
    onSuccess: invalidate,
  });
}

export function useSetToolPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ tool, policy }: { tool: ToolName; policy: ToolPolicy }) =>
      parseResponse(
        await client.api.settings["tool-policies"][":tool"].$put({
          param: { tool },
          json: { policy },
        }),
        z.array(ToolPolicyRowSchema),
      ),
    onSuccess: (rows) => queryClient.setQueryData(toolPolicyQueries.list().queryKey, rows),
  });
}
