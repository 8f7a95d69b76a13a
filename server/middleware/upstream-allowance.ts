import { actorKey, type PersonActor, type TokenActor } from "../contract/actor";
import type { Clock } from "../lib/clock";

const WINDOW_MS = 60_000;

export type AllowanceAnswer =
  { ok: true } | { ok: false; retryAt: number; retryAfterSeconds: number };

/** In memory here; counted across instances in Redis when several run (server/coord/). */
export type UpstreamAllowance = {
  /** Counts one Datto-calling request for `actor`, or says when the next one is allowed. */
  take(actor: PersonActor | TokenActor): AllowanceAnswer | Promise<AllowanceAnswer>;
  perMinute: number;
};

/**
 * Routes that ask Datto on someone's behalf (a device's page and tabs, a site's alerts, a saved
 * filter, a refresh) draw on the read budget everyone shares. One actor may make `perMinute` of
 * them in a rolling minute, so a runaway script or a stuck tab cannot starve the other
 * technicians, the wall and the fleet walk. The gateway's cache still answers most of them without
 * calling Datto. Routes declare it in their rule (`callsDatto`, server/middleware/route-guard.ts).
 */
export function createUpstreamAllowance(options: {
  clock: Clock;
  perMinute: number;
}): UpstreamAllowance {
  const recent = new Map<string, number[]>();
  return {
    perMinute: options.perMinute,
    take(actor) {
      const now = options.clock.now();
      const key = actorKey(actor);
      const times = (recent.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      if (times.length >= options.perMinute) {
        recent.set(key, times);
        const retryAt = times[0]! + WINDOW_MS;
        const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
        return { ok: false, retryAt, retryAfterSeconds };
      }
      times.push(now);
      recent.set(key, times);
      return { ok: true };
    },
  };
}
