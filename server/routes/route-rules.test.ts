import { describe, expect, it } from "vitest";
import { can, type PersonActor, type TokenActor } from "../contract/actor";
import type { Role } from "../contract/roles";
import type { RouteRule } from "../middleware/route-guard";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";
import {
  declaredRoutes,
  routeSamples,
  sampleIds,
  verdictOf,
  type Route,
  type RouteSample,
  type Verdict,
} from "../testing/route-table";
import type { RequestInit } from "../testing/test-client";
import { resolveTestToken, testAgent as agent, testWall as wall } from "../testing/test-tokens";

/**
 * Generated from the real app's route table: every API route must declare a rule (guard), and
 * each actor gets exactly what that rule says. A route added without a rule, or without samples
 * in server/testing/route-table.ts, fails here with its name.
 */

const setup = testAppsClosedAfterEach({ devices: 20, seed: 7, resolveToken: resolveTestToken });

function expected(rule: RouteRule, actor: PersonActor | TokenActor | null): Verdict {
  if (rule.needs === "public") return "allowed";
  if (!actor) return "unauthenticated";
  if (rule.peopleOnly && actor.kind !== "person") return "forbidden";
  if (rule.needs === "signed-in") return "allowed";
  return can(actor, rule.needs) ? "allowed" : "forbidden";
}

/** Sends one sample and reads its body to the end, as a browser would (streamed exports hold
 * a slot until they are read). */
async function send(t: TestApp, route: Route, sample: RouteSample, init: RequestInit = {}) {
  const res = await t.settle(
    t.request(sample.path, {
      method: route.method as RequestInit["method"],
      ...(sample.json === undefined ? {} : { json: sample.json }),
      ...init,
    }),
  );
  const body = await res.arrayBuffer();
  return new Response(res.status === 204 ? null : body, {
    status: res.status,
    headers: res.headers,
  });
}

describe("the route table", () => {
  it("guards every API route and has samples for each", async () => {
    const t = await setup({ syncFleet: false });
    const { routes, unguarded } = declaredRoutes(t);
    expect(unguarded, "API routes without a guard(rule)").toEqual([]);
    const samples = routeSamples({ deviceUid: "d", siteUid: "s", userId: "u" });
    const missing = routes.map((r) => r.name).filter((name) => !samples[name]);
    expect(missing, "routes without samples in server/testing/route-table.ts").toEqual([]);
    expect(routes.length).toBe(Object.keys(samples).length);
    // The rules themselves are pinned: changing who may call a route is a visible change.
    const declared = Object.fromEntries(
      routes.map(({ name, rule }) => [name, [rule.needs, rule.peopleOnly ?? false]]),
    );
    const pinned = Object.fromEntries(
      Object.entries(samples).map(([name, s]) => [name, [s.needs, s.peopleOnly ?? false]]),
    );
    expect(declared).toEqual(pinned);
  });

  it("gives anonymous callers, each role, an agent and a wall exactly what each rule says", async () => {
    const t = await setup();
    const { routes } = declaredRoutes(t);
    const samples = routeSamples(await sampleIds(t));
    const callers: Array<{
      label: string;
      actor: PersonActor | TokenActor | null;
      init: RequestInit;
    }> = [
      { label: "anonymous", actor: null, init: {} },
      { label: "agent", actor: agent, init: { headers: { authorization: "Bearer agent-token" } } },
      { label: "wall", actor: wall, init: { headers: { authorization: "Bearer wall-token" } } },
    ];
    for (const role of ["viewer", "technician", "approver", "admin"] satisfies Role[]) {
      const client = await t.signIn(role);
      const actor: PersonActor = {
        kind: "person",
        userId: client.user.id,
        username: role,
        role,
        sessionId: "",
      };
      callers.push({ label: role, actor, init: { cookie: client.cookie } });
    }
    const wrong: string[] = [];
    for (const caller of callers) {
      for (const route of routes) {
        for (const sample of samples[route.name]!.requests) {
          const res = await send(t, route, sample, caller.init);
          const want = expected(route.rule, caller.actor);
          const got = await verdictOf(res);
          if (got !== want || res.status >= 500) {
            wrong.push(
              `${caller.label} ${route.method} ${sample.path}: ${res.status} (${got}), expected ${want}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a disabled user's still-live session on every route that needs an actor", async () => {
    const t = await setup();
    const { routes } = declaredRoutes(t);
    const samples = routeSamples(await sampleIds(t));
    const gone = await t.addUser("leaver", "admin");
    const { cookie } = await t.signIn("leaver");
    // Straight in the store: the session row stays, as it would if revoking it had failed.
    await t.store.users.changeAccess(gone.id, { disabled: true });
    const wrong: string[] = [];
    for (const route of routes) {
      for (const sample of samples[route.name]!.requests) {
        const res = await send(t, route, sample, { cookie });
        const want = route.rule.needs === "public" ? "allowed" : "unauthenticated";
        if ((await verdictOf(res)) !== want) wrong.push(`${route.name}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a cross-site or non-JSON write on every route that changes anything", async () => {
    const t = await setup();
    const { routes } = declaredRoutes(t);
    const samples = routeSamples(await sampleIds(t));
    const { cookie } = await t.signIn("admin");
    const eventsBefore = await t.store.events.list({ limit: 500 });
    const writes = routes.filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      const sample = samples[route.name]!.requests[0]!;
      const crossSite = await send(t, route, sample, {
        cookie,
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(crossSite.status, route.name).toBe(403);
      expect((await crossSite.json()) as unknown, route.name).toMatchObject({
        error: { code: "cross_site_refused" },
      });
      const textPlain = await send(
        t,
        route,
        { ...sample, json: undefined },
        {
          cookie,
          headers: { "content-type": "text/plain", "content-length": "2" },
        },
      );
      expect(textPlain.status, route.name).toBe(415);
    }
    expect(await t.store.events.list({ limit: 500 })).toEqual(eventsBefore);
  });

  it("draws on the caller's allowance exactly on the requests that may call Datto", async () => {
    const t = await setup({ env: { PERSON_DATTO_REQUESTS_PER_MINUTE: "1" } });
    const { routes } = declaredRoutes(t);
    const samples = routeSamples(await sampleIds(t));
    const { cookie } = await t.signIn("admin");
    const wrong: string[] = [];
    // Requests that start background work (the software crawl) go last: the crawl keeps reading
    // Datto as the clock moves, which would be counted against the requests sampled after it.
    const startsBackground = (r: Route) =>
      samples[r.name]!.requests.some((sample) => sample.datto === "background");
    const ordered = routes
      .filter((r) => !r.name.endsWith("/logout"))
      .sort((a, b) => Number(startsBackground(a)) - Number(startsBackground(b)));
    for (const route of ordered) {
      for (const sample of samples[route.name]!.requests) {
        if (sample.datto === true && !route.rule.callsDatto) {
          wrong.push(`${route.name} calls Datto but its rule does not say so`);
        }
        await t.clock.advance(60_000);
        const before = t.sim.control.counters().total;
        const first = await send(t, route, sample, { cookie });
        const second = await send(t, route, sample, { cookie });
        const calls = t.sim.control.counters().total - before;
        // Background work it queued (the software crawl) is not the next request's doing.
        if (sample.datto === "background") await t.settle(t.software.idle());
        if (first.status === 429) wrong.push(`${sample.path}: refused on the first request`);
        if (sample.datto === true && second.status !== 429) {
          wrong.push(`${route.method} ${sample.path}: may call Datto but spent no allowance`);
        }
        if (sample.datto !== true && second.status === 429) {
          wrong.push(`${route.method} ${sample.path}: spent allowance without calling Datto`);
        }
        if (sample.datto === false && calls > 0) {
          wrong.push(
            `${route.method} ${sample.path}: called Datto ${calls} times outside the allowance`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
