import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import { SoftwareSearchQuerySchema, type SoftwareSearchResponse } from "../contract/software";
import type { SoftwareSearch } from "../fleet/software-search";
import type { Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

export type SoftwareRoutesDeps = { software: SoftwareSearch; guard: Guard };

/**
 * Mounted at /api/software. The first search starts the crawl; the UI polls for progress. The
 * crawl reads Datto at background priority, within the share of the budget kept for background
 * work, never on the searcher's allowance.
 */
export function createSoftwareRoutes({ software, guard }: SoftwareRoutesDeps) {
  return new Hono<AppEnv>().get(
    "/search",
    ...guard({ needs: "fleet:read" }, validate("query", SoftwareSearchQuerySchema)),
    (c) => {
      const { name, siteUid } = c.req.valid("query");
      const body: SoftwareSearchResponse = software.search(name, siteUid ?? null);
      return c.json(body, 200);
    },
  );
}
