import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnswer, describeRequest, safeJson } from "../testing/fuzz/fuzz-check";
import { buildRequest } from "../testing/fuzz/fuzz-request";
import { createFuzzRng } from "../testing/fuzz/fuzz-rng";
import { createFuzzTarget, type FuzzTarget } from "../testing/fuzz/fuzz-target";

/**
 * Thousands of generated requests over every API route (server/testing/fuzz/): hostile paths,
 * params, query strings, bodies and headers, from every kind of caller, through the real app.
 * Each answer must be the right 4xx for what was wrong with the request (or the route's own answer
 * when nothing was), never a 5xx, an internal error text or the Datto credentials, and cause no
 * Datto call outside the route's allow-list (none at all when refused). FUZZ_SEED replays a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const REQUESTS = 6_000;

let target: FuzzTarget;
beforeAll(async () => {
  target = await createFuzzTarget(SEED);
}, 60_000);
afterAll(async () => {
  await target?.t.close();
});

describe(`the API under fuzz (seed ${SEED})`, () => {
  it("has a fuzz surface for every route", () => {
    const missing = target.routes.map((r) => r.name).filter((name) => !target.surfaces[name]);
    expect(missing, "routes without a surface in server/testing/fuzz/").toEqual([]);
    expect(target.unguarded).toEqual([]);
  });

  it("answers every generated request as it should", async () => {
    const f = createFuzzRng(SEED);
    const { sim } = target.t;
    const secrets = [sim.credentials.apiKey, sim.credentials.apiSecret];
    const problems = new Map<string, string>();
    const handled = new Set<string>();
    const refusedInput = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const route = f.pick(target.routes);
      const surface = target.surfaces[route.name]!;
      const req = buildRequest(
        f,
        route,
        surface,
        target.pickCaller(f, route),
        target.methodsOfPath(route),
      );
      const got = await target.send(req);
      for (const problem of checkAnswer(req, got, secrets)) {
        const key = `${route.name}: ${problem}`;
        if (!problems.has(key)) problems.set(key, `#${i} ${describeRequest(req, got)}`);
      }
      if (got.status === 400) refusedInput.add(route.name);
      else if (req.expect.handler && req.expect.statuses.includes(got.status))
        handled.add(route.name);
      const { values, tags, caller } = req;
      surface.after?.({ status: got.status, body: safeJson(got.text), values, tags, caller });
    }
    expect(Object.fromEntries(problems)).toEqual({});

    // The fuzz reached every handler, and every route with input refused some.
    const names = target.routes.map((r) => r.name);
    expect(names.filter((name) => !handled.has(name))).toEqual([]);
    const withInput = names.filter((name) => {
      const s = target.surfaces[name]!;
      return s.params !== undefined || s.query !== undefined || s.body !== undefined;
    });
    expect(withInput.filter((name) => !refusedInput.has(name))).toEqual([]);

    expect(target.t.logger.lines.filter((line) => /"level":"error"/.test(line))).toEqual([]);
    // No "__proto__" or "constructor" key in a body reached a prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect("isAdmin" in {}).toBe(false);
  }, 120_000);
});
