import { can, type Actor } from "../../contract/actor";
import type { RouteRule } from "../../middleware/route-guard";
import type { Route } from "../route-table";
import type { RequestInit } from "../test-client";
import { objectText } from "./fuzz-bodies";
import type { Sample, Verdict } from "./fuzz-fields";
import { JSON_TYPES, mutate, refused } from "./fuzz-mutations";
import type { FuzzRng } from "./fuzz-rng";
import type { Expectation, Surface, Tags } from "./surface";

/** Who sends a request: a label ("viewer", "anonymous"...), the actor the app will see, its credentials. */
export type Caller = {
  label: string;
  actor: Actor | null;
  init: Pick<RequestInit, "cookie" | "headers">;
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

  const headers: Record<string, string> = { ...caller.init.headers };
  if (inputs.body) headers["content-type"] = f.pick(JSON_TYPES);
  const mutated = mutate(f, {
    method: route.method as FuzzRequest["method"],
    path,
    headers,
    body: inputs.body && objectText(inputs.body.entries),
    hasBodyFields: inputs.body !== undefined,
    methodsOfPath,
  });
  const { method, body, bodyProblem } = mutated;

  const values: Record<string, unknown> = {};
  const tags: Record<string, string | undefined> = {};
  const verdicts = new Map<string, Verdict>();
  const bodyFields = bodyProblem === null ? (inputs.body?.fields ?? {}) : {};
  for (const [name, sample] of [...inputs.params, ...inputs.query, ...Object.entries(bodyFields)]) {
    values[name] = sample.value;
    tags[name] = sample.tag;
    verdicts.set(name, sample.verdict);
  }
  if (bodyProblem === "not-an-object") verdicts.set("", "invalid");
  for (const name of surface.conflicts?.(values) ?? []) verdicts.set(name, "invalid");

  // Params are validated before the body is read.
  const badParam = inputs.params.some(([, s]) => s.verdict !== "valid");
  const expect =
    mutated.expect ??
    guardVerdict(route.rule, caller.actor) ??
    (bodyProblem === "malformed" && !badParam ? refused(400, "http_error") : null) ??
    inputExpectation(surface, verdicts, tags, caller.label);
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
  return { method, path: mutated.path, init, caller: caller.label, values, tags, expect };
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
