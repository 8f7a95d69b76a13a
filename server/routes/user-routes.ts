import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import {
  CreateUserSchema,
  ResetPasswordSchema,
  UpdateUserSchema,
  type User,
} from "../contract/users";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { UserAdmin } from "../users/user-admin";

export type UserRoutesDeps = { users: UserAdmin; guard: Guard };

const IdParamSchema = z.object({ id: z.string().min(1) });
const MANAGE: RouteRule = { needs: "users:manage" };

/** Mounted at /api/users: user administration (server/users/user-admin.ts). */
export function createUserRoutes({ users, guard }: UserRoutesDeps) {
  return new Hono<AppEnv>()
    .get("/", ...guard(MANAGE), async (c) => {
      const result = await users.list(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.users satisfies User[], 200);
    })
    .post("/", ...guard(MANAGE, validate("json", CreateUserSchema)), async (c) => {
      const result = await users.create(actorOf(c), c.req.valid("json"));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.user satisfies User, 201);
    })
    .patch(
      "/:id",
      ...guard(MANAGE, validate("param", IdParamSchema), validate("json", UpdateUserSchema)),
      async (c) => {
        const result = await users.update(actorOf(c), c.req.valid("param").id, c.req.valid("json"));
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.user satisfies User, 200);
      },
    )
    .post(
      "/:id/password",
      ...guard(MANAGE, validate("param", IdParamSchema), validate("json", ResetPasswordSchema)),
      async (c) => {
        const { id } = c.req.valid("param");
        const result = await users.resetPassword(actorOf(c), id, c.req.valid("json").password);
        if (!result.ok) return refusalResponse(c, result);
        return c.body(null, 204);
      },
    );
}
