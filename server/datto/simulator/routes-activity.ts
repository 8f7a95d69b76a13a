import type { Context } from "hono";
import {
  activitiesBetween,
  activityToWire,
  compareActivities,
  cursorOf,
  parseCursor,
  searchDocOf,
} from "./activity";
import { compileActivitySearch, type SearchMatcher } from "./activity-search";
import { badRequest, sendJson } from "./responses";
import { route } from "./route-kit";
import type { SimCore } from "./sim-core";
import type { ActivityRec } from "./tenant";
import { ACTIVITY_BAD_QUERY_STATUS, ACTIVITY_DEFAULT_SIZE, ACTIVITY_MAX_SIZE } from "./unknowns";
import { isoInstant } from "./wire-dates";

const DEFAULT_WINDOW_MS = 15 * 60_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Comma-separated query values (the spec's arrays), lower-cased; undefined when absent. */
function list(c: Context, name: string): string[] | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw.trim() === "") return undefined;
  return raw
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== "");
}

interface ActivityQuery {
  from: number;
  until: number;
  size: number;
  order: "asc" | "desc";
  entities?: string[];
  categories?: string[];
  actions?: string[];
  siteIds?: number[];
  userIds?: number[];
  search: SearchMatcher | { error: string };
}

/** The query as the spec describes it, or the 400 message for a value Datto could not bind. */
function readQuery(c: Context, now: number): ActivityQuery | string {
  const instant = (name: "from" | "until", fallback: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === "") return fallback;
    return INSTANT.test(raw) ? Date.parse(raw) : null;
  };
  const from = instant("from", now - DEFAULT_WINDOW_MS);
  const until = instant("until", now);
  if (from === null || until === null) return "from/until must be yyyy-MM-ddTHH:mm:ssZ";
  const order = c.req.query("order") ?? "desc";
  if (order !== "asc" && order !== "desc") return "order must be asc or desc";
  const ids = (name: string) => {
    const values = list(c, name);
    if (values === undefined) return undefined;
    const numbers = values.map(Number);
    return numbers.every(Number.isInteger) ? numbers : null;
  };
  const siteIds = ids("siteIds");
  const userIds = ids("userIds");
  if (siteIds === null || userIds === null) return "siteIds and userIds take numbers";
  const entities = list(c, "entities");
  if (entities?.some((e) => e !== "device" && e !== "user")) return "entities are device or user";
  const size = Number.parseInt(c.req.query("size") ?? "", 10);
  return {
    from,
    until,
    order,
    size: Math.min(
      Math.max(Number.isFinite(size) ? size : ACTIVITY_DEFAULT_SIZE, 1),
      ACTIVITY_MAX_SIZE,
    ),
    entities,
    categories: list(c, "categories"),
    actions: list(c, "actions"),
    siteIds,
    userIds,
    search: compileActivitySearch(c.req.query("searchQuery") ?? ""),
  };
}

type Wire = ReturnType<typeof activityToWire>;

function selected(q: ActivityQuery, search: SearchMatcher) {
  return (wire: Wire, a: ActivityRec) =>
    (!q.entities || q.entities.includes(wire.entity.toLowerCase())) &&
    (!q.categories || q.categories.includes(wire.category.toLowerCase())) &&
    (!q.actions || q.actions.includes(wire.action.toLowerCase())) &&
    (!q.siteIds || (wire.site !== null && q.siteIds.includes(wire.site.id))) &&
    (!q.userIds || q.userIds.includes(wire.user.id)) &&
    search(searchDocOf(wire, a));
}

/** The page after (or before) the cursor in the requested order. */
function pageOf<T extends { rec: ActivityRec }>(c: Context, items: T[], q: ActivityQuery) {
  const cursor = parseCursor(c.req.query("searchAfter") ?? "");
  const backwards = c.req.query("page") === "previous";
  const sign = q.order === "asc" ? 1 : -1;
  const beyond = (rec: ActivityRec) => cursor !== null && sign * compareActivities(rec, cursor) > 0;
  const before = (rec: ActivityRec) => cursor !== null && sign * compareActivities(rec, cursor) < 0;
  if (!cursor) return { begin: 0, slice: items.slice(0, q.size) };
  if (backwards) {
    const end = items.findIndex((x) => !before(x.rec));
    const stop = end < 0 ? items.length : end;
    const begin = Math.max(0, stop - q.size);
    return { begin, slice: items.slice(begin, stop) };
  }
  const begin = items.findIndex((x) => beyond(x.rec));
  const start = begin < 0 ? items.length : begin;
  return { begin: start, slice: items.slice(start, start + q.size) };
}

function sendActivities(c: Context, core: SimCore): Response {
  const q = readQuery(c, core.clock.now());
  if (typeof q === "string") return badRequest(c, core, q);
  const base =
    `${core.options.publicBaseUrl}/api/v2/activity-logs?size=${q.size}&order=${q.order}` +
    `&from=${isoInstant(q.from)}&until=${isoInstant(q.until)}`;
  if (typeof q.search !== "function") {
    // A query the search engine cannot read fails "at the database layer" (unknowns.ts).
    const pageDetails = { count: 0, totalCount: 0, prevPageUrl: null, nextPageUrl: null };
    const body = { pageDetails, activities: [], error: q.search.error };
    return c.json(body, ACTIVITY_BAD_QUERY_STATUS);
  }
  const keep = selected(q, q.search);
  const items: Array<{ rec: ActivityRec; wire: Wire }> = [];
  for (const rec of activitiesBetween(core.tenant, q.from, q.until)) {
    const wire = activityToWire(core.tenant, rec);
    if (keep(wire, rec)) items.push({ rec, wire });
  }
  if (q.order === "desc") items.reverse();
  const { begin, slice } = pageOf(c, items, q);
  const first = slice[0];
  const last = slice[slice.length - 1];
  const link = (direction: string, rec: ActivityRec) =>
    `${base}&page=${direction}&searchAfter=${encodeURIComponent(cursorOf(rec))}`;
  return sendJson(c, core, "page:activities", {
    pageDetails: {
      count: slice.length,
      totalCount: items.length,
      prevPageUrl: begin > 0 && first ? link("previous", first.rec) : null,
      nextPageUrl: begin + slice.length < items.length && last ? link("next", last.rec) : null,
    },
    activities: slice.map((x) => x.wire),
  });
}

/**
 * GET /v2/activity-logs with the filters openapi.json describes: from/until (UTC, default the last
 * 15 minutes), order, entities, categories, actions, siteIds, userIds, searchQuery, and cursor
 * paging (`page=next|previous` with `searchAfter` from the page URLs; API.md §5).
 */
export const activityRoutes = [route("GET", "/v2/activity-logs", "read", sendActivities)];
