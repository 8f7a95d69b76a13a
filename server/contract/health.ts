import { z } from "zod";

export const UpstreamStateSchema = z.enum([
  "ok",
  "slow",
  "rate-limited",
  "blocked",
  "credentials-rejected",
  "down",
  "unknown",
]);

/** GET /api/health: public, no secrets. The shell's health indicator and the e2e readiness probe. */
export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  mode: z.enum(["demo", "live"]),
  upstream: z.object({
    state: UpstreamStateSchema,
    detail: z.string().nullable(),
    blockedUntil: z.number().nullable(),
    lastSuccessAt: z.number().nullable(),
    lastErrorAt: z.number().nullable(),
  }),
  budget: z.object({
    windowSeconds: z.number(),
    readsUsed: z.number(),
    readsLimit: z.number(),
    writes: z.record(z.string(), z.object({ used: z.number(), limit: z.number() })),
    queued: z.number(),
  }),
  token: z.object({
    ageMs: z.number().nullable(),
    expiresInMs: z.number().nullable(),
    requests: z.number(),
  }),
  cache: z.object({
    entries: z.number(),
    hits: z.number(),
    misses: z.number(),
    coalesced: z.number(),
    staleServed: z.number(),
    /** Datto's recent "no such object" / "bad request" answers, remembered for a minute. */
    negatives: z.number(),
    negativeHits: z.number(),
  }),
  malformedPayloads: z.number(),
  /**
   * Several instances (REDIS_URL): whether this one runs the background work ("leader") or
   * serves what the leader stored ("follower"); "single" when it runs alone.
   */
  instance: z.object({ role: z.enum(["single", "leader", "follower"]) }).optional(),
});
export type Health = z.infer<typeof HealthSchema>;
