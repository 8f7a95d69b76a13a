import type { RequestInit } from "../test-client";
import type { FuzzRng } from "./fuzz-rng";
import { hostileText } from "./hostile-text";
import type { Expectation } from "./surface";

/**
 * What can be wrong with a request before its input is read, and the refusal each must get, in
 * the order the app checks: the body limit (413), a cross-site write (403), a write that is not
 * JSON (415), a route or method the app does not have (404: it answers wrong methods 404, not
 * 405). Or the body is not JSON at all, or not an object, which the route's validation refuses.
 */

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
export const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "Application/JSON",
];
const MALFORMED = ["", "{", '{"a":}', "{'a':1}", "\u0000", '{"a":1}}', "nul"];
const NOT_OBJECTS = ["[]", '"x"', "42", "null", "true", '[{"username":"x"}]'];

export const refused = (status: number, code: string): Expectation => ({
  statuses: [status],
  code,
  blamable: new Set(),
  handler: false,
  datto: [],
});

type Method = NonNullable<RequestInit["method"]>;

export type Mutated = {
  method: Method;
  path: string;
  body: string | undefined;
  /** The refusal it must get, or null when nothing before its input is wrong. */
  expect: Expectation | null;
  bodyProblem: "malformed" | "not-an-object" | null;
};

/** Mostly nothing; now and then one thing wrong with the request. `headers` is changed in place. */
export function mutate(
  f: FuzzRng,
  req: {
    method: Method;
    path: string;
    headers: Record<string, string>;
    body: string | undefined;
    hasBodyFields: boolean;
    methodsOfPath: readonly string[];
  },
): Mutated {
  const { headers } = req;
  const isWrite = req.method !== "GET";
  const same = { method: req.method, path: req.path, body: req.body, bodyProblem: null };
  const r = f.next();
  if (r < 0.04) {
    const method = f.pick(METHODS.filter((m) => !req.methodsOfPath.includes(m)));
    const body = method === "GET" || method === "OPTIONS" ? undefined : req.body;
    return { ...same, method, body, expect: refused(404, "not_found") };
  }
  if (r < 0.07) {
    const path = req.path.replace(/(\?|$)/, `/zz-nope/${encodeURIComponent(hostileText(f))}$1`);
    return { ...same, path, expect: refused(404, "not_found") };
  }
  if (isWrite && r < 0.1) {
    headers["content-type"] = "application/json";
    const body = `{"pad":"${"a".repeat(MAX_BODY_BYTES + f.int(1, 100_000))}"}`;
    return { ...same, body, expect: refused(413, "too_large") };
  }
  if (isWrite && r < 0.13) {
    const crossSite = f.pick([
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ]);
    Object.assign(headers, crossSite);
    return { ...same, expect: refused(403, "cross_site_refused") };
  }
  if (isWrite && r < 0.17) {
    if (f.chance(0.8)) headers["content-type"] = f.pick(NOT_JSON);
    else delete headers["content-type"];
    return { ...same, body: req.body ?? hostileText(f), expect: refused(415, "json_required") };
  }
  if (req.hasBodyFields && r < 0.21) {
    return f.chance(0.5)
      ? { ...same, body: f.pick(MALFORMED), expect: null, bodyProblem: "malformed" }
      : { ...same, body: f.pick(NOT_OBJECTS), expect: null, bodyProblem: "not-an-object" };
  }
  return { ...same, expect: null };
}
