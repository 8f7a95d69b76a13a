import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { forbiddenMessage } from "../auth/authorize";
import { can, type AppEnv } from "../contract/actor";
import type { Permission } from "../contract/permissions";
import { apiError } from "./errors";
import type { UpstreamAllowance } from "./upstream-allowance";

/**
 * Every API route declares who may call it and whether it can make the server call Datto.
 * - `needs`: a permission; "signed-in" for any actor; "public" for anyone, signed in or not.
 * - `peopleOnly`: agents and walls are refused (a person's own things: their saved views).
 * - `callsDatto`: the route may ask Datto on the caller's behalf, so it draws on their allowance
 *   (server/middleware/upstream-allowance.ts); a function when only some requests do.
 */
export type RouteRule = {
  needs: Permission | "signed-in" | "public";
  peopleOnly?: true;
  callsDatto?: true | ((c: Context<AppEnv>) => boolean);
};

const declared = new WeakMap<object, RouteRule>();

/** The rule a guard middleware enforces (the generated route test reads it off the app). */
export const ruleOf = (handler: unknown): RouteRule | undefined =>
  typeof handler === "function" ? declared.get(handler) : undefined;

/**
 * guard(rule, ...validators) goes first in every route: `.get(path, ...guard(rule, v1, v2), h)`.
 * It answers 401/403 before any input is read, then runs the validators, and only then spends
 * the allowance, so a request refused for bad input costs nothing.
 */
export function createGuard(deps: { allowance: UpstreamAllowance }) {
  const { allowance } = deps;
  return function guard<V extends unknown[]>(rule: RouteRule, ...validators: V) {
    const check = createMiddleware<AppEnv>(async (c, next) => {
      if (rule.needs === "public") return next();
      const actor = c.get("actor");
      if (!actor) return apiError(c, 401, "unauthenticated", "Sign in to continue.");
      if (rule.peopleOnly && actor.kind !== "person") {
        return apiError(c, 403, "forbidden", "Only people signed in to the console can do this.");
      }
      if (rule.needs !== "signed-in" && !can(actor, rule.needs)) {
        return apiError(c, 403, "forbidden", forbiddenMessage(actor, rule.needs));
      }
      return next();
    });
    declared.set(check, rule);
    const spend = createMiddleware<AppEnv>(async (c, next) => {
      const actor = c.get("actor");
      const calls = typeof rule.callsDatto === "function" ? rule.callsDatto(c) : rule.callsDatto;
      if (!calls || !actor) return next();
      const taken = await allowance.take(actor);
      if (taken.ok) return next();
      c.header("Retry-After", String(taken.retryAfterSeconds));
      return apiError(
        c,
        429,
        "too_many_requests",
        `You have asked for ${allowance.perMinute} Datto pages in the last minute, the most one person may while the budget is shared. Try again in a few seconds.`,
        { retryAt: taken.retryAt },
      );
    });
    return [check, ...validators, spend] as [
      MiddlewareHandler<AppEnv>,
      ...V,
      MiddlewareHandler<AppEnv>,
    ];
  };
}

export type Guard = ReturnType<typeof createGuard>;

/** The actor of a guarded route (one that needs a signed-in actor). */
export function actorOf(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!actor) throw new Error("A route that needs an actor was reached without one: guard it.");
  return actor;
}
