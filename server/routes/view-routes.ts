import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import {
  CreateAlertSavedViewSchema,
  CreateSavedViewSchema,
  type AlertSavedView,
  type AlertSavedViewList,
  type SavedView,
  type SavedViewList,
} from "../contract/views";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { SavedViews } from "../views/saved-views";

export type ViewRoutesDeps = { savedViews: SavedViews; guard: Guard };

const IdParamSchema = z.object({ id: z.string().min(1).max(100) });
const OWN_VIEWS: RouteRule = { needs: "fleet:read", peopleOnly: true };

/**
 * Mounted at /api/views: each person's own saved views. `/` is the device list's, `/alerts` the
 * alert queue's; DELETE /:id removes either kind.
 */
export function createViewRoutes({ savedViews, guard }: ViewRoutesDeps) {
  return new Hono<AppEnv>()
    .get("/", ...guard(OWN_VIEWS), async (c) => {
      const result = await savedViews.list(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json({ views: result.views } satisfies SavedViewList, 200);
    })
    .post("/", ...guard(OWN_VIEWS, validate("json", CreateSavedViewSchema)), async (c) => {
      const result = await savedViews.create(actorOf(c), c.req.valid("json"));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.view satisfies SavedView, 201);
    })
    .get("/alerts", ...guard(OWN_VIEWS), async (c) => {
      const result = await savedViews.listAlertViews(actorOf(c));
      if (!result.ok) return refusalResponse(c, result);
      return c.json({ views: result.views } satisfies AlertSavedViewList, 200);
    })
    .post(
      "/alerts",
      ...guard(OWN_VIEWS, validate("json", CreateAlertSavedViewSchema)),
      async (c) => {
        const result = await savedViews.createAlertView(actorOf(c), c.req.valid("json"));
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.view satisfies AlertSavedView, 201);
      },
    )
    .delete("/:id", ...guard(OWN_VIEWS, validate("param", IdParamSchema)), async (c) => {
      const result = await savedViews.remove(actorOf(c), c.req.valid("param").id);
      if (!result.ok) return refusalResponse(c, result);
      return c.body(null, 204);
    });
}
