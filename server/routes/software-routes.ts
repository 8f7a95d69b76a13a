import { Hono } from "hono";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import { SoftwareSearchQuerySchema } from "../contract/software";
import { requireRole } from "../middleware/require-role";
import type { SoftwareSearch } from "../fleet/software-search";

export type SoftwareRoutesDeps = { software: SoftwareSearch };

/** Mounted at /api/software. The first search starts the crawl; the UI polls for progress. */
export function createSoftwareRoutes({ software }: SoftwareRoutesDeps) {
  return new Hono<AuthEnv>()
    .use(requireRole("viewer"))
    .get("/search", validate("query", SoftwareSearchQuerySchema), (c) => {
      const { name, siteUid } = c.req.valid("query");
      return c.json(software.search(name, siteUid ?? null), 200);
    });
}
