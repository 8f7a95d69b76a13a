import { ALERT_CLAIM_FILTERS, ALERT_PRIORITIES, ALERT_SORT_KEYS } from "../../contract/alerts";
import { objectBody } from "./fuzz-bodies";
import { field, int, listOf, matching, oneOf, text, type Field } from "./fuzz-fields";
import { orKnown, uid } from "./fuzz-ids";
import { hostileText } from "./hostile-text";
import type { FuzzWorld, Surface, Tags } from "./surface";

/** The alert queue: lists, detail, resolve (one and bulk), bulk runs, claims. */

const GET_ALERT = "GET /v2/alert/{alertUid}";
const RESOLVE = "POST /v2/alert/{alertUid}/resolve";
const PRIORITIES: readonly string[] = ALERT_PRIORITIES;

/** "Critical,High": some priorities, comma-separated, or text that is not one. */
const priorityList = field({}, (f) => {
  const value = f.chance(0.6)
    ? Array.from({ length: f.int(1, 3) }, () => f.pick(PRIORITIES)).join(",")
    : f.pick([
        f.pick(PRIORITIES).toUpperCase(),
        ` ${f.pick(PRIORITIES)}`,
        `${f.pick(PRIORITIES)},,`,
        "Severe",
        hostileText(f),
      ]);
  const items = value.split(",").filter((x) => x !== "");
  const valid = value.length <= 100 && items.every((x) => PRIORITIES.includes(x));
  return { value, verdict: valid ? "valid" : "invalid" };
});

/** A comma-separated list of uids or classes: any text up to 4,000 characters. */
const textList = (known: ReadonlyMap<string, string>): Field =>
  field({}, (f) => {
    const value =
      known.size > 0 && f.chance(0.4)
        ? [...Array(f.int(1, 3))].map(() => f.pick([...known.keys()])).join(",")
        : f.chance(0.05)
          ? "x".repeat(4001)
          : hostileText(f);
    return { value, verdict: value.length <= 4000 ? "valid" : "invalid" };
  });

const RUN_ID = /^[0-9a-f-]{36}$/;
const runId = matching(RUN_ID, (f) =>
  [8, 4, 4, 4, 12]
    .map((n) => [...Array(n)].map(() => f.pick([..."0123456789abcdef"])).join(""))
    .join("-"),
);

/** A list of 1..500 alert uids. */
function uidList(world: FuzzWorld): Field {
  const list = listOf(orKnown(uid, world.alerts), 500, { required: true });
  return (f, where) => {
    const sample = list(f, where);
    if (Array.isArray(sample.value) && sample.value.length === 0) {
      return { ...sample, verdict: "invalid" };
    }
    return sample;
  };
}

const ok =
  (...statuses: number[]) =>
  () =>
    statuses;
const known = (tags: Tags) => tags.uid !== "unknown";

export function alertSurfaces(world: FuzzWorld): Record<string, Surface> {
  const alertUid = { uid: orKnown(uid, world.alerts) };
  const queueQuery: Pick<Surface, "query"> = {
    query: {
      state: oneOf(["open", "resolved"]),
      priority: priorityList,
      siteUid: textList(world.sites),
      deviceUid: textList(world.devices),
      class: textList(
        new Map([
          ["srvc_status_ctx", "known"],
          ["none", "known"],
        ]),
      ),
      minAgeHours: int(0, 24 * 3650),
      maxAgeHours: int(0, 24 * 3650),
      claimed: oneOf(ALERT_CLAIM_FILTERS),
      q: text({ max: 200, trim: true }),
      sort: oneOf(ALERT_SORT_KEYS),
      dir: oneOf(["asc", "desc"]),
    },
  };
  const datto = () => [GET_ALERT, RESOLVE];
  return {
    "GET /api/alerts": { ...queueQuery, answers: ok(200) },
    "GET /api/alerts/export.csv": { ...queueQuery, answers: ok(200) },
    "GET /api/alerts/:uid": {
      params: alertUid,
      answers: (tags) => (known(tags) ? [200] : [404]),
      datto: () => [GET_ALERT],
    },
    "POST /api/alerts/:uid/resolve": { params: alertUid, answers: ok(200), datto },
    "POST /api/alerts/resolve": {
      body: objectBody({ uids: uidList(world) }),
      answers: ok(202),
      datto,
    },
    "GET /api/alerts/resolve-batches/:id": { params: { id: runId }, answers: ok(200, 404) },
    "POST /api/alerts/:uid/claim": {
      params: alertUid,
      body: objectBody({ note: text({ max: 500, trim: true }) }),
      // Open: claimed, or someone has it; resolved meanwhile or unknown: nothing to claim.
      answers: (tags) => (known(tags) ? [200, 404, 409] : [404]),
    },
    "DELETE /api/alerts/:uid/claim": { params: alertUid, answers: ok(204, 404) },
  };
}
