import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AuthEnv } from "../auth/auth-env";
import type { Clock } from "../lib/clock";
import { apiError } from "./errors";

const WINDOW_MS = 60_000;

/**
 * Routes that ask Datto on one person's behalf (a device's page and tabs, a site's alerts, a
 * refresh) draw on the read budget everyone shares. One signed-in user may make `perMinute` of them
 * in a rolling minute, so a runaway script or a stuck tab cannot starve the other technicians, the
 * wall and the fleet walk. The gateway's cache still answers most of them without calling Datto.
 */
export function createUpstreamAllowance(options: {
  clock: Clock;
  perMinute: number;
}): MiddlewareHandler<AuthEnv> {
  const recent = new Map<string, number[]>();
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user) return next();
    const now = options.clock.now();
    const times = (recent.get(user.id) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= options.perMinute) {
      const retryAt = times[0]! + WINDOW_MS;
      c.header("Retry-After", String(Math.max(1, Math.ceil((retryAt - now) / 1000))));
      return apiError(
        c,
        429,
        "too_many_requests",
        `You have asked for ${options.perMinute} Datto pages in the last minute, the most one person may while the budget is shared. Try again in a few seconds.`,
        { retryAt },
      );
    }
    times.push(now);
    recent.set(user.id, times);
    return next();
  });
}

/** For route factories used without one (small test apps): lets everything through. */
export const unlimitedUpstream: MiddlewareHandler<AuthEnv> = async (_c, next) => next();
