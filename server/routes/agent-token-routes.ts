import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import {
  CreateAgentTokenSchema,
  UpdateAgentTokenSchema,
  type AgentToken,
} from "../contract/agents";
import type { AgentTokenAdmin } from "../agents/agent-token-admin";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

const IdParamSchema = z.object({ id: z.string().min(1).max(100) });
const MANAGE: RouteRule = { needs: "agent-tokens:manage" };

/** Mounted at /api/agent-tokens: admins create (the secret is answered once), change, revoke. */
export function createAgentTokenRoutes({
  agentTokens,
  guard,
}: {
  agentTokens: AgentTokenAdmin;
  guard: Guard;
}) {
  return new Hono<AppEnv>()
    .get("/", ...guard(MANAGE), async (c) => {
      const result = await agentTokens.list(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.tokens satisfies AgentToken[], 200);
    })
    .post("/", ...guard(MANAGE, validate("json", CreateAgentTokenSchema)), async (c) => {
      const result = await agentTokens.create(actorOf(c), c.req.valid("json"));
      if (!result.ok) return refusalResponse(c, result);
      return c.json({ token: result.token, agentToken: result.agentToken }, 201);
    })
    .get("/:id", ...guard(MANAGE, validate("param", IdParamSchema)), async (c) => {
      const result = await agentTokens.get(actorOf(c), c.req.valid("param").id);
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.agentToken satisfies AgentToken, 200);
    })
    .patch(
      "/:id",
      ...guard(MANAGE, validate("param", IdParamSchema), validate("json", UpdateAgentTokenSchema)),
      async (c) => {
        const result = await agentTokens.update(
          actorOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        );
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.agentToken satisfies AgentToken, 200);
      },
    )
    .delete("/:id", ...guard(MANAGE, validate("param", IdParamSchema)), async (c) => {
      const result = await agentTokens.revoke(actorOf(c), c.req.valid("param").id);
      if (!result.ok) return refusalResponse(c, result);
      return c.body(null, 204);
    });
}
