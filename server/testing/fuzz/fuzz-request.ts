import { can, type Actor } from "../../contract/actor";
import type { RouteRule } from "../../middleware/route-guard";
import type { Route } from "../route-table";
import type { RequestInit } from "../test-client";
import { objectText } from "./fuzz-bodies";
import { worst, type Sample, type Verdict } from "./fuzz-fields";
import type { FuzzRng } from "./fuzz-rng";
import { hostileText } from "./hostile-text";
import type { Surface, Tags } from "./surface";

/** Who sends a request: a label ("viewer", "anonymous"...), the actor the app will see, its credentials. */
export type Caller = {
  label: string;
  actor: Actor | null;
  init: Pick<RequestInit, "cookie" | "headers">;
};

/**
 * What the app must answer: one of `statuses` (with `code` when the refusal has a fixed one).
 * A 400 may name only `blamable` fields and must name one of them. `handler` says whether the
 * request may reach the route's handler, the only place a Datto read (`datto`) may come from.
 */
export type Expectation = {
  statuses: readonly number[];
  code?: string;
  blamable: ReadonlySet<string>;
  handler: boolean;
  datto: readonly string[];
};

export type FuzzRequest = {
  method: NonNullable<RequestInit["method"]>;
  path: string;
  init: RequestInit;
  caller: string;
  values: Record<string, unknown>;
  tags: Tags;
  expect: Expectation;
};

const MAX_BODY_BYTES = 256 * 1024;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const NOT_JSON = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "application/json-patch+json",
  "text/json",
  "",
];
const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "Application/JSON"];
const MALFORMED = ["", "{", '{"a":}', "{'a':1}", "\u0000", '{"a":1}}', "nul"];
const NOT_OBJECTS = ["[]", '"x"', "42", "null", "true", '[{"username":"x"}]'];

const refused = (status: number, code: string): Expectation => ({
  statuses: [status],
  code,
  blamable: new Set(),
  handler: false,
  datto: [],
});

function guardVerdict(rule: RouteRule, actor: Actor | null): Expectation | null {
  if (rule.needs === "public") return null;
  if (!actor) return refused(401, "unauthenticated");
  if (rule.peopleOnly && actor.kind !== "person") return refused(403, "forbidden");
  if (rule.needs === "signed-in" || can(actor, rule.needs)) return null;
  return refused(403, "forbidden");
}

/** The fields of a surface, a few optional query fields at random, as samples by name. */
function sampleInputs(f: FuzzRng, surface: Surface) {
  const params = Object.entries(surface.params ?? {}).map(
    ([k, make]) => [k, make(f, "param")] as const,
  );
  const fields = Object.entries(surface.query ?? {});
  // Each field once: a repeated param is the field's own business (inQuery sends some).
  const chosen = new Set(fields.filter(([k]) => surface.always?.includes(k)));
  for (let i = f.int(0, 3); i > 0 && fields.length > 0; i--) chosen.add(f.pick(fields));
  const query = [...chosen].map(([k, make]) => [k, make(f, "query")] as const);
  return { params, query, body: surface.body?.(f) };
}

function queryString(f: FuzzRng, query: ReadonlyArray<readonly [string, Sample]>): string {
  const parts: string[] = [];
  for (const [key, { value }] of query) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  // Params no route reads are ignored, prototype names included.
  if (f.chance(0.1))
    parts.push(f.pick(["zz=1", "__proto__=x", "constructor=y", "x=1&x=2", "&&", "=v"]));
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** Builds one request for `route` from `surface` and the answer the app owes it. */
export function buildRequest(
  f: FuzzRng,
  route: Route,
  surface: Surface,
  caller: Caller,
  methodsOfPath: readonly string[],
): FuzzRequest {
  const inputs = sampleInputs(f, surface);
  let path = route.name.slice(route.method.length + 1);
  for (const [name, { value }] of inputs.params)
    path = path.replace(`:${name}`, encodeURIComponent(String(value)));
  path += queryString(f, inputs.query);

  const isWrite = route.method !== "GET";
  let method = route.method as FuzzRequest["method"];
  const headers: Record<string, string> = { ...caller.init.headers };
  let body: string | undefined;
  let bodyVerdict: Verdict = "valid";
  let malformed = false;
  if (inputs.body) {
    headers["content-type"] = f.pick(JSON_TYPES);
    body = objectText(inputs.body.entries);
  }

  const mutation = f.next();
  let expect: Expectation | null = null;
  if (mutation < 0.04) {
    const wrong = METHODS.filter((m) => !methodsOfPath.includes(m));
    method = f.pick(wrong);
    if (method === "GET" || method === "OPTIONS") body = undefined;
    expect = refused(404, "not_found");
  } else if (mutation < 0.07) {
    path = path.replace(/(\?|$)/, `/zz-nope/${encodeURIComponent(hostileText(f))}$1`);
    expect = refused(404, "not_found");
  } else if (isWrite && mutation < 0.1) {
    body = `{"pad":"${"a".repeat(MAX_BODY_BYTES + f.int(1, 100_000))}"}`;
    headers["content-type"] = "application/json";
    expect = refused(413, "too_large");
  } else if (isWrite && mutation < 0.13) {
    Object.assign(
      headers,
      f.pick([
        { origin: "https://evil.example" },
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
      ]),
    );
    expect = refused(403, "cross_site_refused");
  } else if (isWrite && mutation < 0.17) {
    body ??= hostileText(f);
    if (f.chance(0.8)) headers["content-type"] = f.pick(NOT_JSON);
    else delete headers["content-type"];
    expect = refused(415, "json_required");
  } else if (inputs.body && mutation < 0.21) {
    if (f.chance(0.5)) {
      body = f.pick(MALFORMED);
      malformed = true;
    } else {
      body = f.pick(NOT_OBJECTS);
      bodyVerdict = "invalid";
    }
  }
  expect ??= guardVerdict(route.rule, caller.actor);

  const values: Record<string, unknown> = {};
  const tags: Record<string, string | undefined> = {};
  const verdicts = new Map<string, Verdict>();
  const bodyFields = inputs.body && !malformed && bodyVerdict === "valid" ? inputs.body.fields : {};
  for (const [name, sample] of [...inputs.params, ...inputs.query, ...Object.entries(bodyFields)]) {
    values[name] = sample.value;
    tags[name] = sample.tag;
    // A field repeated in the query string: JSON.parse and the router both keep one list of them.
    verdicts.set(name, worst([verdicts.get(name) ?? "valid", sample.verdict]));
  }
  if (bodyVerdict === "invalid") verdicts.set("", "invalid");
  for (const name of surface.conflicts?.(values) ?? []) verdicts.set(name, "invalid");

  // Params are validated before the body is read.
  const badParam = inputs.params.some(([, s]) => s.verdict !== "valid");
  if (!expect && malformed && !badParam) expect = refused(400, "http_error");
  if (!expect) expect = inputExpectation(surface, verdicts, tags, caller.label);
  const init: RequestInit = {
    method,
    headers,
    ...(caller.init.cookie ? { cookie: caller.init.cookie } : {}),
  };
  if (body !== undefined && method !== "GET" && method !== "OPTIONS") {
    // As any HTTP client sends it: the middleware tells a body by its length.
    headers["content-length"] = String(Buffer.byteLength(body));
    init.body = body;
  }
  return { method, path, init, caller: caller.label, values, tags, expect };
}

function inputExpectation(
  surface: Surface,
  verdicts: ReadonlyMap<string, Verdict>,
  tags: Tags,
  caller: string,
): Expectation {
  const invalid = [...verdicts].filter(([, v]) => v === "invalid").map(([k]) => k);
  const either = [...verdicts].filter(([, v]) => v === "either").map(([k]) => k);
  if (invalid.length > 0) {
    return {
      statuses: [400],
      code: "invalid_request",
      blamable: new Set([...invalid, ...either]),
      handler: false,
      datto: [],
    };
  }
  const answers = surface.answers(tags, caller);
  return {
    statuses: either.length > 0 ? [400, ...answers] : answers,
    blamable: new Set(either),
    handler: true,
    datto: surface.datto?.(tags) ?? [],
  };
}
