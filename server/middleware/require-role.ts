import { createMiddleware } from "hono/factory";
import type { AuthEnv } from "../auth/auth-env";
import { roleAtLeast, type Role } from "../contract/roles";
import { apiError } from "./errors";

const ARTICLE: Record<Role, string> = { viewer: "a", technician: "a", approver: "an", admin: "an" };

/** 401 without a session, 403 when the user's role is below `minimum`. */
export function requireRole(minimum: Role) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user) return apiError(c, 401, "unauthenticated", "Sign in to continue.");
    if (!roleAtLeast(user.role, minimum)) {
      return apiError(
        c,
        403,
        "forbidden",
        `This needs ${ARTICLE[minimum]} ${minimum} role or higher; you are signed in as ${ARTICLE[user.role]} ${user.role}. Ask an admin if you need more access.`,
      );
    }
    return next();
  });
}
