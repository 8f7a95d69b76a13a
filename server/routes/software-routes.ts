import { Hono } from "hono";
import { actorKey, type AppEnv } from "../contract/actor";
import { SoftwareSearchQuerySchema, type SoftwareSearchResponse } from "../contract/software";
import { softwareMatchesCsv } from "../fleet/software-matches";
import type { SoftwareSearch } from "../fleet/software-search";
import type { Clock } from "../lib/clock";
import { apiError } from "../middleware/errors";
import { createExportSlots, type ExportSlots } from "../middleware/export-slots";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

export type SoftwareRoutesDeps = {
  software: SoftwareSearch;
  clock: Clock;
  guard: Guard;
  /** Exports running at once, shared with the device export (server/middleware/export-slots.ts). */
  exportSlots?: ExportSlots;
};

/**
 * Mounted at /api/software. The first search starts the crawl; the UI polls for progress. The
 * crawl reads Datto at background priority, within the share of the budget kept for background
 * work, never on the searcher's allowance. The export streams what the crawl has read so far and
 * asks Datto nothing.
 */
export function createSoftwareRoutes({ software, clock, guard, ...deps }: SoftwareRoutesDeps) {
  const exportSlots = deps.exportSlots ?? createExportSlots();
  const search = validate("query", SoftwareSearchQuerySchema);
  return new Hono<AppEnv>()
    .get("/search", ...guard({ needs: "fleet:read" }, search), (c) => {
      const { name, siteUid, ...view } = c.req.valid("query");
      const body: SoftwareSearchResponse = software.search(name, siteUid ?? null, view);
      return c.json(body, 200);
    })
    .get("/search/export.csv", ...guard({ needs: "fleet:read" }, search), (c) => {
      const { name, siteUid, ...view } = c.req.valid("query");
      const slot = exportSlots.take(actorKey(actorOf(c)));
      if ("refused" in slot) {
        c.header("Retry-After", "5");
        return apiError(c, 429, "too_many_exports", slot.refused);
      }
      const matches = software.matches(name, siteUid ?? null, view);
      const stream = softwareMatchesCsv(matches, { onDone: () => slot.release() });
      const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, "");
      const safe = name.replace(/[^\w.-]+/g, "-").slice(0, 40);
      return c.body(stream, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="software-${safe}-${stamp}.csv"`,
      });
    });
}
