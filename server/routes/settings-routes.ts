import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import {
  SetToolPolicySchema,
  ToolNameSchema,
  UpdateAgentSettingsSchema,
  WritesPausedSchema,
  type AgentSettings,
  type ToolPolicyRow,
} from "../contract/agents";
import type { AgentSettingsService } from "../settings/agent-settings";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

const MANAGE: RouteRule = { needs: "settings:manage" };
const ToolParamSchema = z.object({ tool: ToolNameSchema });

/** Mounted at /api/settings: the kill switch (everyone sees it), tool policies, proposal settings. */
export function createSettingsRoutes({
  agentSettings,
  guard,
}: {
  agentSettings: AgentSettingsService;
  guard: Guard;
}) {
  return new Hono<AppEnv>()
    .get("/", ...guard({ needs: "fleet:read" }), async (c) => {
      const result = await agentSettings.get(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.settings satisfies AgentSettings, 200);
    })
    .patch("/", ...guard(MANAGE, validate("json", UpdateAgentSettingsSchema)), async (c) => {
      const result = await agentSettings.update(actorOf(c), c.req.valid("json"));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.settings satisfies AgentSettings, 200);
    })
    .put("/writes-paused", ...guard(MANAGE, validate("json", WritesPausedSchema)), async (c) => {
      const result = await agentSettings.setWritesPaused(actorOf(c), c.req.valid("json").paused);
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.settings satisfies AgentSettings, 200);
    })
    .get("/tool-policies", ...guard(MANAGE), async (c) => {
      return c.json((await agentSettings.policies()) satisfies ToolPolicyRow[], 200);
    })
    .put(
      "/tool-policies/:tool",
      ...guard(MANAGE, validate("param", ToolParamSchema), validate("json", SetToolPolicySchema)),
      async (c) => {
        const result = await agentSettings.setPolicy(
          actorOf(c),
          c.req.valid("param").tool,
          c.req.valid("json").policy,
        );
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.policies satisfies ToolPolicyRow[], 200);
      },
    );
}
