import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import type { Health } from "../contract/health";
import type { DattoGateway } from "../datto/gateway/types";
import type { Guard } from "../middleware/route-guard";

const HEALTHY = new Set(["ok", "slow", "unknown"]);

/** GET / (mounted at /api/health): public, carries no secrets, only states and counters. */
export function createHealthRoutes(deps: {
  gateway: DattoGateway;
  mode: "demo" | "live";
  guard: Guard;
  /** Several instances: this one's role (server/coord/); absent when it runs alone. */
  instanceRole?: () => "leader" | "follower";
}) {
  return new Hono<AppEnv>().get("/", ...deps.guard({ needs: "public" }), (c) => {
    const h = deps.gateway.health();
    const body: Health = {
      status: HEALTHY.has(h.state) ? "ok" : "degraded",
      mode: deps.mode,
      upstream: {
        state: h.state,
        detail: h.detail,
        blockedUntil: h.blockedUntil,
        lastSuccessAt: h.lastSuccessAt,
        lastErrorAt: h.lastErrorAt,
      },
      budget: h.budget,
      token: h.token,
      cache: h.cache,
      malformedPayloads: h.malformedPayloads,
      instance: { role: deps.instanceRole?.() ?? "single" },
    };
    c.header("Cache-Control", "no-store");
    return c.json(body, 200);
  });
}
