import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import type { WallSummary } from "../contract/wall";
import type { Clock } from "../lib/clock";
import { actorOf, type Guard } from "../middleware/route-guard";
import type { WallSummaryCache } from "../wall/wall-summary";
import type { WallTokens } from "../wall/wall-tokens";

/**
 * Mounted at /api/wall: the summary every wall screen reads with its token (people may preview
 * it). It never calls Datto: the summary is built from what the server holds (the alert queue's
 * poll, the fleet index, the store), so it spends no allowance.
 */
export function createWallRoutes(deps: {
  wallSummary: WallSummaryCache;
  wallTokens: WallTokens;
  clock: Clock;
  guard: Guard;
}) {
  const { wallSummary, wallTokens, clock, guard } = deps;
  return new Hono<AppEnv>().get("/summary", ...guard({ needs: "wall:read" }), async (c) => {
    const actor = actorOf(c);
    const shared = await wallSummary.get();
    const wall = actor.kind === "wall" ? wallTokens.settingsOf(actor.tokenId) : null;
    return c.json({ ...shared, wall, serverNow: clock.now() } satisfies WallSummary, 200);
  });
}
