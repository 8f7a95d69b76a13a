import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import {
  ComponentListQuerySchema,
  ComponentUidParamSchema,
  FavouriteBodySchema,
  type ComponentListResponse,
} from "../contract/components";
import type { Components } from "../components/components";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

export type ComponentRoutesDeps = { components: Components; guard: Guard };

/** Mounted at /api/components: the catalog (read from Datto once, then cached) and favourites. */
export function createComponentRoutes({ components, guard }: ComponentRoutesDeps) {
  return new Hono<AppEnv>()
    .get(
      "/",
      ...guard(
        { needs: "fleet:read", callsDatto: true },
        validate("query", ComponentListQuerySchema),
      ),
      async (c) => {
        try {
          const result = await components.list(actorOf(c), c.req.valid("query"));
          if (!result.ok) return refusalResponse(c, result);
          return c.json(result.list satisfies ComponentListResponse, 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    )
    .put(
      "/:uid/favourite",
      ...guard(
        { needs: "fleet:read", peopleOnly: true, callsDatto: true },
        validate("param", ComponentUidParamSchema),
        validate("json", FavouriteBodySchema),
      ),
      async (c) => {
        try {
          const { uid } = c.req.valid("param");
          const { favourite } = c.req.valid("json");
          const result = await components.setFavourite(actorOf(c), uid, favourite);
          if (!result.ok) return refusalResponse(c, result);
          return c.json({ uid, favourite }, 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    );
}
