import { COMPONENTS } from "../../datto/simulator/components-catalog";
import { objectBody } from "./fuzz-bodies";
import { bool, field, int, listOf, matching, oneOf, text, type Field } from "./fuzz-fields";
import { orKnown, uid } from "./fuzz-ids";
import type { FuzzRng } from "./fuzz-rng";
import { hostileText } from "./hostile-text";
import type { FuzzWorld, Surface, Tags } from "./surface";

/** Components and jobs (issue 10), as the fuzz sends them. */

const COMPONENT_LIST = "GET /v2/account/components";
const QUICKJOB = "PUT /v2/device/{deviceUid}/quickjob";

const ok =
  (...statuses: number[]) =>
  () =>
    statuses;

const RUN_ID = /^[A-Za-z0-9-]{1,100}$/;
const runIdText = matching(RUN_ID, (f) =>
  Array.from({ length: f.int(1, 40) }, () => f.pick([..."abcdef0123456789-"])).join(""),
);

/** A component by uid, exact name, partial name, or any text (trimmed, 1-200 characters). */
const component: Field = field({ required: true }, (f) => {
  const c = f.pick(COMPONENTS);
  const value = f.pick([
    () => c.uid,
    () => c.name,
    () => c.name,
    () => c.name.slice(0, f.int(1, c.name.length)).toLowerCase(),
    () => hostileText(f),
    () => "x".repeat(f.int(190, 210)),
    () => "   ",
  ])();
  const length = value.trim().length;
  return { value, verdict: length >= 1 && length <= 200 ? "valid" : "invalid" };
});

/** name: value pairs; values text (at most 4000), numbers or booleans. */
const variables: Field = field({ wrong: [42, "x", true, null, ["x"]] }, (f) => {
  const names = [...new Set(COMPONENTS.flatMap((c) => c.variables.map((v) => v.name)))];
  const values = new Map<string, unknown>();
  for (let i = f.int(0, 3); i > 0; i--) {
    const name = f.chance(0.7) ? f.pick(names) : f.pick(["nope", "a b", "x".repeat(201)]);
    const makers: Array<() => unknown> = [
      () => String(f.int(0, 99)),
      () => f.int(0, 99),
      () => f.pick([true, false]),
      () => "2026-12-31",
      () => hostileText(f),
      () => null,
      () => ["x"],
      () => ({ a: 1 }),
      () => "y".repeat(4001),
    ];
    values.set(name, f.pick(makers)());
  }
  const bad = (v: unknown) =>
    v === null || typeof v === "object" || (typeof v === "string" && v.length > 4000);
  const invalid = [...values.keys()].some((k) => k.length > 200) || [...values.values()].some(bad);
  return { value: Object.fromEntries(values), verdict: invalid ? "invalid" : "valid" };
});

/** A device browser selection: its query in URL form and the count seen. */
function target(world: FuzzWorld): Field {
  const uids = [...world.devices.keys()];
  return field({ wrong: [42, "q", true, null, []] }, (f: FuzzRng) => {
    const query = f.pick([
      () => new URLSearchParams({ uids: uids.slice(0, f.int(1, 4)).join(",") }).toString(),
      () => "status=online",
      () => "filterId=5",
      () => hostileText(f),
      () => "uids=" + "a,".repeat(4100),
    ])();
    const count = f.pick<unknown>([1, 2, 3, 0, 501, 2.5, "3", null]);
    const validCount =
      typeof count === "number" && Number.isInteger(count) && count >= 1 && count <= 500;
    return {
      value: { query, count },
      verdict: query.length <= 8000 && validCount ? "valid" : "invalid",
    };
  });
}

const confirmCount: Field = field({ wrong: ["12", true, null, []] }, (f) => {
  const value = f.pick([0, 1, 3, 12, 500, -1, 501, 1.5]);
  return {
    value,
    verdict: Number.isInteger(value) && value >= 0 && value <= 500 ? "valid" : "invalid",
  };
});

const KEY = /^[\x21-\x7e]{8,100}$/;
const keyText = matching(KEY, (f) => f.pick(["short", "has space in it", hostileText(f)]), {
  required: true,
});
/** Mostly a good key (so launches get through), sometimes anything. */
const idempotencyKey: Field = (f, where) =>
  f.chance(0.8)
    ? {
        value: `fuzz-${Array.from({ length: f.int(3, 40) }, () => f.pick([..."abc123-_"])).join("")}`,
        verdict: "valid",
      }
    : keyText(f, where);

/** Left out most of the time (one way to name the targets is enough). */
const mostlyAbsent =
  (inner: Field, p = 0.8): Field =>
  (f, where) =>
    f.chance(p) ? { value: undefined, verdict: "valid" } : inner(f, where);

/** Exactly one of deviceUids and target. */
const oneTarget = (values: Readonly<Record<string, unknown>>) =>
  (values.deviceUids === undefined) === (values.target === undefined) ? ["deviceUids"] : [];

export function jobSurfaces(world: FuzzWorld): Record<string, Surface> {
  const runs = new Map<string, string>();
  const components = new Map(COMPONENTS.map((c) => [c.uid, "known"]));
  const request = {
    component,
    deviceUids: listOf(orKnown(uid, world.devices, 0.6), 500),
    target: mostlyAbsent(target(world)),
    variables: mostlyAbsent(variables, 0.5),
  };
  const known = (tags: Tags, yes: number[]) => (tags.id === "unknown" ? [404] : yes);
  const remember: Surface["after"] = ({ status, body }) => {
    if (status === 201 || status === 200) runs.set((body as { id: string }).id, "known");
  };
  const runId = { id: orKnown(runIdText, runs, 0.5) };
  return {
    "GET /api/components": {
      query: { q: text({ max: 200, trim: true }), category: text({ max: 100, trim: true }) },
      answers: ok(200),
      datto: () => [COMPONENT_LIST],
    },
    "PUT /api/components/:uid/favourite": {
      params: { uid: orKnown(uid, components) },
      body: objectBody({ favourite: bool({ required: true }) }),
      answers: (tags) => (tags.uid === "unknown" ? [404] : [200]),
      datto: () => [COMPONENT_LIST],
    },
    "GET /api/jobs": {
      query: {
        status: oneOf(["dispatching", "running", "finished", "problems"]),
        requester: text({ max: 100, trim: true }),
        component: text({ max: 200, trim: true }),
        deviceUid: orKnown(uid, world.devices),
        siteUid: orKnown(uid, world.sites),
        before: int(1, Number.MAX_SAFE_INTEGER),
        limit: int(1, 200),
      },
      answers: ok(200),
    },
    "POST /api/jobs/preview": {
      body: objectBody(request),
      conflicts: oneTarget,
      answers: ok(200, 400, 404, 409),
      datto: () => [COMPONENT_LIST],
    },
    "POST /api/jobs": {
      body: objectBody({ ...request, idempotencyKey, confirmCount: mostlyAbsent(confirmCount) }),
      conflicts: oneTarget,
      answers: ok(200, 201, 400, 404, 409),
      datto: () => [COMPONENT_LIST, QUICKJOB],
      after: remember,
    },
    "GET /api/jobs/:id": { params: runId, answers: (tags) => known(tags, [200]) },
    "GET /api/jobs/:id/outputs.csv": { params: runId, answers: (tags) => known(tags, [200]) },
    "GET /api/jobs/:id/devices/:deviceUid/stdout": {
      params: { ...runId, deviceUid: orKnown(uid, world.devices) },
      answers: (tags) => known(tags, [200, 404]),
    },
    "GET /api/jobs/:id/devices/:deviceUid/stderr": {
      params: { ...runId, deviceUid: orKnown(uid, world.devices) },
      answers: (tags) => known(tags, [200, 404]),
    },
  };
}
