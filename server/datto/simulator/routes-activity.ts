import { activitiesBetween, activityToWire } from "./activity";
import { badRequest, sendJson } from "./responses";
import { route } from "./route-kit";

const DEFAULT_WINDOW_MS = 15 * 60_000;

function parseInstant(value: string | undefined): number | null | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Cursor paging (API.md §5): `page=next|previous` with `searchAfter` taken from the page URLs;
 * default window is the last 15 minutes.
 */
export const activityRoutes = [
  route("GET", "/v2/activity-logs", "read", (c, core) => {
    const now = core.clock.now();
    const from = parseInstant(c.req.query("from"));
    const until = parseInstant(c.req.query("until"));
    if (from === null || until === null)
      return badRequest(c, core, "from/until must be yyyy-MM-ddTHH:mm:ssZ");
    const start = from ?? now - DEFAULT_WINDOW_MS;
    const end = until ?? now;
    const size = Math.min(Math.max(Number.parseInt(c.req.query("size") ?? "", 10) || 50, 1), 1000);
    const order = c.req.query("order") === "asc" ? "asc" : "desc";
    const entities = c.req.query("entities")?.toUpperCase().split(",");
    let list = activitiesBetween(core.tenant, start, end);
    if (entities) list = list.filter((a) => entities.includes(a.entity));
    if (order === "desc") list.reverse();
    const cursor = c.req.query("searchAfter");
    const direction = c.req.query("page");
    let begin = 0;
    if (cursor) {
      const at = list.findIndex((a) => a.id === cursor);
      // An unknown cursor points past the end rather than back to the start (no endless loops).
      if (at < 0) begin = list.length;
      else begin = direction === "previous" ? Math.max(0, at - size) : at + 1;
    }
    const slice = list.slice(begin, begin + size);
    const base =
      `${core.options.publicBaseUrl}/api/v2/activity-logs?size=${size}&order=${order}` +
      `&from=${new Date(start).toISOString()}&until=${new Date(end).toISOString()}`;
    const last = slice[slice.length - 1];
    const first = slice[0];
    return sendJson(c, core, "page:activities", {
      pageDetails: {
        count: slice.length,
        totalCount: list.length,
        prevPageUrl:
          begin > 0 && first
            ? `${base}&page=previous&searchAfter=${encodeURIComponent(first.id)}`
            : null,
        nextPageUrl:
          begin + size < list.length && last
            ? `${base}&page=next&searchAfter=${encodeURIComponent(last.id)}`
            : null,
      },
      activities: slice.map((a) => activityToWire(core.tenant, a)),
    });
  }),
];
