import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { AgentTokenSchema, ToolPolicyRowSchema } from "@server/contract/agents";
import { client, parseResponse } from "@/lib/api-client";

export const agentTokenQueries = {
  all: () => ["agent-tokens"] as const,
  list: () =>
    queryOptions({
      queryKey: [...agentTokenQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api["agent-tokens"].$get({}, { init: { signal } }),
          z.array(AgentTokenSchema),
        ),
    }),
};

/** Under ["settings"], so a policy changed in another tab shows here (live topic "settings"). */
export const toolPolicyQueries = {
  list: () =>
    queryOptions({
      queryKey: ["settings", "tool-policies"] as const,
      queryFn: async ({ signal }) =>
        parseResponse(
          await client.api.settings["tool-policies"].$get({}, { init: { signal } }),
          z.array(ToolPolicyRowSchema),
        ),
    }),
};
