import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import { CreateWallTokenSchema, type CreatedWallToken, type WallTokenList } from "../contract/wall";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { WallTokens } from "../wall/wall-tokens";

const IdParamSchema = z.object({ id: z.string().min(1).max(100) });
const MANAGE: RouteRule = { needs: "wall-tokens:manage" };

/** Mounted at /api/wall-tokens: admins create, list and revoke the NOC walls' tokens. */
export function createWallTokenRoutes(deps: {
  wallTokens: WallTokens;
  /** The address people type (PUBLIC_URL); else the one this request came to. */
  publicOrigin: string | null;
  guard: Guard;
}) {
  const { wallTokens, guard } = deps;
  return new Hono<AppEnv>()
    .get("/", ...guard(MANAGE), async (c) => {
      const result = await wallTokens.list(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json({ walls: result.walls } satisfies WallTokenList, 200);
    })
    .post("/", ...guard(MANAGE, validate("json", CreateWallTokenSchema)), async (c) => {
      const origin = deps.publicOrigin ?? new URL(c.req.url).origin;
      const result = await wallTokens.create(actorOf(c), c.req.valid("json"), origin);
      if (!result.ok) return refusalResponse(c, result);
      return c.json({ wall: result.wall, url: result.url } satisfies CreatedWallToken, 201);
    })
    .delete("/:id", ...guard(MANAGE, validate("param", IdParamSchema)), async (c) => {
      const result = await wallTokens.revoke(actorOf(c), c.req.valid("param").id);
      if (!result.ok) return refusalResponse(c, result);
      return c.body(null, 204);
    });
}
