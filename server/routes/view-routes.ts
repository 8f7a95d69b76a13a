import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import { CreateSavedViewSchema, type SavedViewList } from "../contract/views";
import { apiError } from "../middleware/errors";
import { requireRole } from "../middleware/require-role";
import type { SavedViewRepo } from "../store/fleet-repos";

export type ViewRoutesDeps = { savedViews: SavedViewRepo };

/** Views are per user and hand-made: far more than this is a script filling the database. */
export const MAX_VIEWS_PER_USER = 200;

const IdParamSchema = z.object({ id: z.string().min(1).max(100) });

/** Mounted at /api/views: each user's own saved device views. */
export function createViewRoutes({ savedViews }: ViewRoutesDeps) {
  return new Hono<AuthEnv>()
    .use(requireRole("viewer"))
    .get("/", (c) => {
      const body: SavedViewList = { views: savedViews.list(c.get("user")!.id) };
      return c.json(body, 200);
    })
    .post("/", validate("json", CreateSavedViewSchema), (c) => {
      const userId = c.get("user")!.id;
      if (savedViews.list(userId).length >= MAX_VIEWS_PER_USER) {
        return apiError(
          c,
          409,
          "too_many_views",
          `You have ${MAX_VIEWS_PER_USER} saved views, the most allowed. Delete one to save another.`,
        );
      }
      const view = savedViews.create(userId, c.req.valid("json"));
      return c.json(view, 201);
    })
    .delete("/:id", validate("param", IdParamSchema), (c) => {
      // Someone else's view answers exactly like a missing one: ids are not a way to probe.
      if (!savedViews.delete(c.get("user")!.id, c.req.valid("param").id)) {
        return apiError(c, 404, "not_found", "No such saved view.");
      }
      return c.body(null, 204);
    });
}
