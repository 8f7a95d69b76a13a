import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../auth/auth-env";
import { createUserAdmin, type UserAdminFailure } from "../auth/user-admin";
import { validate } from "../auth/validation-hook";
import {
  CreateUserSchema,
  ResetPasswordSchema,
  UpdateUserSchema,
  type User,
} from "../contract/users";
import type { Clock } from "../lib/clock";
import { apiError } from "../middleware/errors";
import { requireRole } from "../middleware/require-role";
import type { Store } from "../store/store";

export type UserRoutesDeps = { store: Store; clock: Clock };

const IdParamSchema = z.object({ id: z.string().min(1) });

const refuse = (c: Context, failure: UserAdminFailure) =>
  apiError(c, failure.code === "user_not_found" ? 404 : 409, failure.code, failure.message);

/** Mounted at /api/users; admins only. Every change is appended to the event log. */
export function createUserRoutes({ store }: UserRoutesDeps) {
  const admin = createUserAdmin({ store });

  return new Hono<AuthEnv>()
    .use("*", requireRole("admin"))
    .get("/", (c) => c.json(store.users.list() satisfies User[], 200))
    .post("/", validate("json", CreateUserSchema), async (c) => {
      const result = await admin.create(c.get("user")!.username, c.req.valid("json"));
      if (!result.ok) return refuse(c, result);
      return c.json(result.user satisfies User, 201);
    })
    .patch("/:id", validate("param", IdParamSchema), validate("json", UpdateUserSchema), (c) => {
      const { id } = c.req.valid("param");
      const result = admin.update(c.get("user")!.username, id, c.req.valid("json"));
      if (!result.ok) return refuse(c, result);
      return c.json(result.user satisfies User, 200);
    })
    .post(
      "/:id/password",
      validate("param", IdParamSchema),
      validate("json", ResetPasswordSchema),
      async (c) => {
        const { id } = c.req.valid("param");
        const { password } = c.req.valid("json");
        const result = await admin.resetPassword(c.get("user")!.username, id, password);
        if (!result.ok) return refuse(c, result);
        return c.body(null, 204);
      },
    );
}
