import { SITE_SORT_KEYS } from "../../contract/sites";
import { SOFTWARE_SORT_KEYS } from "../../contract/software";
import { deviceQueryFields } from "./device-query-fields";
import { udfLabelsBody } from "./fuzz-bodies";
import { bool, int, oneOf, text } from "./fuzz-fields";
import { orKnown, uid } from "./fuzz-ids";
import type { FuzzWorld, Surface, Tags } from "./surface";

/** Sites, devices, the fleet's status, filters and UDF names, software search. */

const DEVICE = "GET /v2/device/{deviceUid}";
const FILTER_LISTS = ["GET /v2/filter/default-filters", "GET /v2/filter/custom-filters"];
/** A known Datto filter's devices are read in the background, once, on the first ask. */
const FILTER_MEMBERS = "GET /v2/account/devices";
const DEVICE_SOFTWARE = "GET /v2/audit/device/{deviceUid}/software";
const alertReads = (of: "site" | "device") => [
  `GET /v2/${of}/{${of}Uid}/alerts/open`,
  `GET /v2/${of}/{${of}Uid}/alerts/resolved`,
];

/** Known ids answer, unknown ones are 404s (Datto's own, for the reads that ask it). */
const byId = (yes: readonly number[]) => (tags: Tags) => (tags.uid === "unknown" ? [404] : yes);
const ok =
  (...statuses: number[]) =>
  () =>
    statuses;
const state = oneOf(["open", "resolved"]);

export function fleetSurfaces(world: FuzzWorld): Record<string, Surface> {
  const deviceUid = { uid: orKnown(uid, world.devices) };
  const siteUid = { uid: orKnown(uid, world.sites) };
  const deviceQuery = {
    ...deviceQueryFields(world),
    filterId: orKnown(int(1, Number.MAX_SAFE_INTEGER), world.filters),
  };
  const filterReads = (tags: Tags) =>
    tags.filterId === undefined ? [] : [...FILTER_LISTS, FILTER_MEMBERS];
  const unknownFilter = (tags: Tags) => tags.filterId === "unknown";
  const softwareQuery: Pick<Surface, "query" | "always" | "conflicts"> = {
    query: {
      name: text({ min: 2, max: 200, trim: true, required: true }),
      siteUid: orKnown(text({ max: 100 }), world.sites),
      version: text({ max: 200 }),
      unversioned: bool(),
      sort: oneOf(SOFTWARE_SORT_KEYS),
      dir: oneOf(["asc", "desc"]),
    },
    always: ["name"],
    // One version, or the entries without one: not both.
    conflicts: (values) =>
      typeof values.version === "string" && values.version !== "" && values.unversioned === "true"
        ? ["unversioned"]
        : [],
  };
  return {
    "GET /api/sites": {
      query: {
        q: text({ max: 200, trim: true }),
        sort: oneOf(SITE_SORT_KEYS),
        dir: oneOf(["asc", "desc"]),
      },
      answers: ok(200),
    },
    "GET /api/sites/:uid": { params: siteUid, answers: byId([200]) },
    "GET /api/sites/:uid/alerts": {
      params: siteUid,
      query: { state },
      answers: byId([200]),
      datto: () => alertReads("site"),
    },
    "POST /api/sites/:uid/refresh": {
      params: siteUid,
      answers: byId([200]),
      datto: () => [
        "GET /v2/site/{siteUid}",
        "GET /v2/site/{siteUid}/devices",
        ...alertReads("site"),
      ],
    },
    "GET /api/devices": {
      query: deviceQuery,
      answers: (tags) => (unknownFilter(tags) ? [404] : [200]),
      datto: filterReads,
    },
    "GET /api/devices/export.csv": {
      query: { ...deviceQuery, columns: text({ max: 4000 }) },
      // 409 while a Datto filter's devices are still being read.
      answers: (tags) => (unknownFilter(tags) ? [404] : [200, 409]),
      datto: filterReads,
    },
    "GET /api/devices/:uid": { params: deviceUid, answers: byId([200]), datto: () => [DEVICE] },
    "GET /api/devices/:uid/audit": {
      params: deviceUid,
      answers: byId([200]),
      datto: () => [
        DEVICE,
        "GET /v2/audit/device/{deviceUid}",
        "GET /v2/audit/esxihost/{deviceUid}",
        "GET /v2/audit/printer/{deviceUid}",
      ],
    },
    "GET /api/devices/:uid/software": {
      params: deviceUid,
      // Datto keeps software audits for computers only; it refuses the others (a 422 here).
      answers: (tags) => (tags.uid === "unknown" ? [404] : tags.uid === "device" ? [200] : [422]),
      datto: () => [DEVICE_SOFTWARE],
    },
    "GET /api/devices/:uid/alerts": {
      params: deviceUid,
      query: { state },
      answers: byId([200]),
      datto: () => alertReads("device"),
    },
    "POST /api/devices/:uid/refresh": {
      params: deviceUid,
      answers: byId([200]),
      datto: () => [DEVICE, ...alertReads("device")],
    },
    "GET /api/fleet/status": { answers: ok(200) },
    "GET /api/fleet/filters": { answers: ok(200), datto: () => FILTER_LISTS },
    "GET /api/fleet/udf-labels": { answers: ok(200) },
    "PUT /api/fleet/udf-labels": { body: udfLabelsBody, answers: ok(200) },
    "GET /api/software/search": {
      ...softwareQuery,
      answers: ok(200),
      // The search reads software audits in the background, within the background share.
      datto: () => [DEVICE_SOFTWARE],
    },
    // What the search has read so far, streamed: no Datto read of its own.
    "GET /api/software/search/export.csv": { ...softwareQuery, answers: ok(200) },
  };
}
