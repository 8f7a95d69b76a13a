import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import { TOOL_NAMES } from "../contract/agents";
import type { AgentTools } from "../agents/agent-tools";
import { TOOL_SPECS } from "../agents/tool-catalog";
import { apiError } from "../middleware/errors";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

const ToolParamSchema = z.object({ tool: z.string().min(1).max(100) });
const AnyJsonObject = z.record(z.string(), z.unknown(), {
  error: "Send the tool's input as a JSON object.",
});

const agentsOnly =
  "Only agent tokens call tools (Authorization: Bearer rmmd_agent_...). People use the console.";

/**
 * Mounted at /api/agent: the MCP tools as JSON routes, for agents that do not speak MCP. Same
 * token, same policies, same answers: POST /api/agent/tools/<tool> with the tool's input.
 */
export function createAgentRoutes({ agentTools, guard }: { agentTools: AgentTools; guard: Guard }) {
  return new Hono<AppEnv>()
    .get("/tools", ...guard({ needs: "fleet:read" }), async (c) => {
      const actor = actorOf(c);
      if (actor.kind !== "agent") return apiError(c, 403, "agents_only", agentsOnly);
      const allowed = await agentTools.available(actor);
      const tools = TOOL_NAMES.map((name) => ({
        name,
        title: TOOL_SPECS[name].title,
        description: TOOL_SPECS[name].description,
        annotations: TOOL_SPECS[name].annotations,
        available: allowed.includes(name),
      }));
      return c.json({ tools }, 200);
    })
    .post(
      "/tools/:tool",
      ...guard(
        { needs: "fleet:read", callsDatto: true },
        validate("param", ToolParamSchema),
        validate("json", AnyJsonObject),
      ),
      async (c) => {
        const actor = actorOf(c);
        if (actor.kind !== "agent") return apiError(c, 403, "agents_only", agentsOnly);
        const answer = await agentTools.call(actor, c.req.valid("param").tool, c.req.valid("json"));
        if (!answer.ok)
          return apiError(c, answer.status, answer.code, answer.message, answer.details);
        return c.json(answer.data as Record<string, unknown>, 200);
      },
    );
}
