import { customFilters, defaultFilters, filterToWire, siteFilter } from "./filters";
import { notFound, sendPage } from "./responses";
import { route } from "./route-kit";

export const filterRoutes = [
  route("GET", "/v2/filter/default-filters", "read", (c, core) =>
    sendPage(c, core, "filters", defaultFilters(core.tenant), filterToWire),
  ),
  route("GET", "/v2/filter/custom-filters", "read", (c, core) =>
    sendPage(c, core, "filters", customFilters(core.tenant), filterToWire),
  ),
  route("GET", "/v2/site/{siteUid}/filters", "read", (c, core) => {
    const idx = core.tenant.siteByUid.get(c.req.param("siteUid") ?? "");
    if (idx === undefined) return notFound(c, core, "Site");
    const filter = siteFilter(core.tenant, idx);
    return sendPage(c, core, "filters", filter ? [filter] : [], filterToWire);
  }),
];
