import { ROLES } from "../../contract/roles";
import { deviceQueryFields } from "./device-query-fields";
import { objectBody, objectText } from "./fuzz-bodies";
import {
  bool,
  field,
  int,
  listOf,
  oneOf,
  RawJson,
  text,
  worst,
  type Field,
  type Sample,
} from "./fuzz-fields";
import { orKnown } from "./fuzz-ids";
import { hostileText } from "./hostile-text";
import type { FuzzWorld, Surface } from "./surface";

/** Health, sign-in, users, the event log and saved views, as the fuzz sends them. */

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const USERNAME_CHARS = [..."abcdefghijklmnopqrstuvwxyz0123456789._-"];

/** 2-64 lowercase letters, digits, dot, dash, underscore; read trimmed and lower-cased. */
const username = field({ required: true }, (f) => {
  let value = f.pick(USERNAME_CHARS.slice(0, 36));
  for (let i = f.chance(0.1) ? f.int(60, 70) : f.int(0, 12); i > 0; i--)
    value += f.pick(USERNAME_CHARS);
  if (f.chance(0.2)) value = ` ${value.toUpperCase()} `;
  if (f.chance(0.3)) value += f.pick(["\u0000", "é", "/", "\u202e", " x"]);
  return { value, verdict: USERNAME.test(value.trim().toLowerCase()) ? "valid" : "invalid" };
});

const password = text({ min: 8, max: 200, required: true });

/** A saved view's query: the device query as a JSON object (a few of its fields). */
function viewQuery(world: FuzzWorld): Field {
  const fields = Object.entries({
    ...deviceQueryFields(world),
    filterId: int(1, Number.MAX_SAFE_INTEGER),
  });
  const wrong = ["status=online", 42, true, null, [], [{ status: "online" }]];
  return field({ required: true, wrong }, (f) => {
    const picked = Array.from({ length: f.int(0, 3) }, () => f.pick(fields));
    const present = picked
      .map(([name, make]) => [name, make(f, "query")] as const)
      .filter(([, s]) => s.value !== undefined);
    const entries = present.map(([name, s]): [string, unknown] => [name, s.value]);
    return {
      value: new RawJson(objectText(entries)),
      // A field given twice: the later value is the one read.
      verdict: worst(new Map(present.map(([name, s]) => [name, s.verdict])).values()),
    };
  });
}

/** A user id: any text names a user or none (404). */
const anyText = field({}, (f) => ({
  value: `${hostileText(f)}${f.chance(0.1) ? "x".repeat(2000) : ""}`,
  verdict: "valid",
}));

/**
 * The live stream's length. Always sent, and only 0 among the valid values: any other keeps the
 * stream open until the (manual) clock moves, and the fuzz reads every answer to its end.
 */
const streamSeconds: Field = (f) =>
  f.pick<Sample>([
    { value: "0", verdict: "valid" },
    { value: "-1", verdict: "invalid" },
    { value: "601", verdict: "invalid" },
    { value: "1.5", verdict: "invalid" },
    { value: "soon", verdict: "invalid" },
  ]);

const ok =
  (...statuses: number[]) =>
  () =>
    statuses;

export function accountSurfaces(world: FuzzWorld): Record<string, Surface> {
  const targetId = orKnown(anyText, world.targetUsers);
  const known = (tag: string | undefined, yes: number) => (tag === "unknown" ? [404] : [yes]);
  return {
    "GET /api/health": { answers: ok(200) },
    "GET /api/live": { query: { seconds: streamSeconds }, always: ["seconds"], answers: ok(200) },
    "GET /api/auth/config": { answers: ok(200) },
    "POST /api/auth/login": {
      anonymousOnly: true,
      body: objectBody({
        username: text({ min: 1, max: 100, trim: true, required: true }),
        password: text({ min: 1, max: 200, required: true }),
      }),
      answers: ok(401, 429),
    },
    "POST /api/auth/logout": { anonymousOnly: true, answers: ok(204) },
    "GET /api/me": { answers: ok(200) },
    "GET /api/users": { answers: ok(200) },
    "POST /api/users": {
      body: objectBody({ username, password, role: oneOf(ROLES, { required: true }) }),
      answers: ok(201, 409),
    },
    "PATCH /api/users/:id": {
      params: { id: targetId },
      body: objectBody(
        { role: oneOf(ROLES), disabled: bool() },
        { atLeastOne: ["role", "disabled"] },
      ),
      answers: (tags) => known(tags.id, 200),
    },
    "POST /api/users/:id/password": {
      params: { id: targetId },
      body: objectBody({ password }),
      answers: (tags) => known(tags.id, 204),
    },
    "GET /api/events": {
      query: { limit: int(1, 500), before: int(1, Number.MAX_SAFE_INTEGER) },
      answers: ok(200),
    },
    "GET /api/views": { answers: ok(200) },
    "POST /api/views": {
      body: objectBody({
        name: text({ min: 1, max: 100, trim: true, required: true }),
        query: viewQuery(world),
        columns: listOf(text({ max: 40 }), 400, { required: true }),
      }),
      answers: ok(201, 409),
      after({ status, body, caller }) {
        if (status === 201) world.views.set((body as { id: string }).id, caller);
      },
    },
    "DELETE /api/views/:id": {
      params: { id: orKnown(text({ min: 1, max: 100 }), world.views) },
      // Someone else's view answers exactly like a missing one.
      answers: (tags, caller) => (tags.id === caller ? [204] : [404]),
      after({ status, values }) {
        if (status === 204) world.views.delete(String(values.id));
      },
    },
  };
}
