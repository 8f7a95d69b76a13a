import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import type { AlertListResponse } from "../contract/alerts";
import type { DattoApi } from "../datto/api/create-datto-api";
import { loadAlerts } from "../fleet/datto-reads";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import type { Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import { AlertQuerySchema, UidParamSchema } from "./route-params";

/** GET /:uid/alerts?state=open|resolved for a device or a site, newest first, from Datto. */
export function createAlertListRoutes(deps: {
  datto: DattoApi;
  guard: Guard;
  of: "device" | "site";
}) {
  const { datto, guard, of } = deps;
  return new Hono<AppEnv>().get(
    "/:uid/alerts",
    ...guard(
      { needs: "fleet:read", callsDatto: true },
      validate("param", UidParamSchema),
      validate("query", AlertQuerySchema),
    ),
    async (c) => {
      const { uid } = c.req.valid("param");
      const { state = "open" } = c.req.valid("query");
      const where = of === "device" ? { deviceUid: uid } : { siteUid: uid };
      try {
        const body: AlertListResponse = await loadAlerts(datto, where, state);
        return c.json(body, 200);
      } catch (error) {
        return dattoErrorOrRethrow(c, error);
      }
    },
  );
}
