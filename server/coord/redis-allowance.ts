import { actorKey } from "../contract/actor";
import type { UpstreamAllowance } from "../middleware/upstream-allowance";
import type { SlidingWindow } from "./sliding-window";

const WINDOW_MS = 60_000;

/**
 * The per-person allowance of Datto-calling requests (upstream-allowance.ts), counted across
 * every instance in one Redis window per actor: a script spread over three instances gets one
 * allowance, not three. Redis unreachable: the request is let through (the shared budget, which
 * fails closed, still protects Datto).
 */
export function createRedisAllowance(
  window: SlidingWindow,
  keyPrefix: string,
  perMinute: number,
): UpstreamAllowance {
  return {
    perMinute,
    async take(actor) {
      const answer = await window
        .take(`${keyPrefix}allowance:${actorKey(actor)}`, perMinute, WINDOW_MS)
        .catch(() => null);
      if (!answer || answer.ok) return { ok: true };
      const retryAt = Date.now() + answer.waitMs;
      return {
        ok: false,
        retryAt,
        retryAfterSeconds: Math.max(1, Math.ceil(answer.waitMs / 1000)),
      };
    },
  };
}
