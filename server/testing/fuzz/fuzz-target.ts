import { can } from "../../contract/actor";
import type { DattoApi } from "../../datto/api/create-datto-api";
import { createTestApp } from "../create-test-app";
import { declaredRoutes, type Route } from "../route-table";
import { resolveTestToken, testAgent, testWall } from "../test-tokens";
import { agentSurfaces } from "./agent-surfaces";
import { accountSurfaces } from "./account-surfaces";
import { alertSurfaces } from "./alert-surfaces";
import type { Received } from "./fuzz-check";
import type { Caller, FuzzRequest } from "./fuzz-request";
import type { FuzzRng } from "./fuzz-rng";
import { fleetSurfaces } from "./fleet-surfaces";
import { jobSurfaces } from "./job-surfaces";
import { wallSurfaces } from "./wall-surfaces";
import type { FuzzWorld, Surface } from "./surface";

/**
 * The real app (createTestApp: SQLite in a temp folder, the simulator as Datto, real sign-in and
 * CSRF) set up for the fuzz: its callers, the ids it knows, every route with its surface, and a
 * way to send one request and count the Datto calls it caused, background work included.
 */

/** Counts the Datto calls in flight, so the fuzz can wait for those a request left running. */
function createDattoTracker() {
  let inFlight = 0;
  const wrap = (datto: DattoApi): DattoApi =>
    new Proxy(datto, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          if (!(result instanceof Promise)) return result;
          inFlight += 1;
          return result.finally(() => (inFlight -= 1));
        };
      },
    });
  return { wrap, busy: () => inFlight > 0 };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function createFuzzTarget(seed: number) {
  const tracker = createDattoTracker();
  const t = await createTestApp({
    devices: 40,
    seed,
    resolveToken: resolveTestToken,
    wrapDatto: tracker.wrap,
    // The fuzz is one person sending thousands of requests: the allowance is route-rules.test's.
    env: { PERSON_DATTO_REQUESTS_PER_MINUTE: "100000" },
  });
  const callers: Caller[] = [
    { label: "anonymous", actor: null, init: {} },
    { label: "anonymous", actor: null, init: { cookie: "rmmdeck_session=%E0%A4%A; other=1" } },
    { label: "anonymous", actor: null, init: { headers: { authorization: "Bearer not-a-token" } } },
    {
      label: "agent",
      actor: testAgent,
      init: { headers: { authorization: "Bearer agent-token" } },
    },
    { label: "wall", actor: testWall, init: { headers: { authorization: "Bearer wall-token" } } },
  ];
  for (const role of ["viewer", "technician", "admin"] as const) {
    const client = await t.signIn(role);
    const actor = {
      kind: "person",
      userId: client.user.id,
      username: role,
      role,
      sessionId: "",
    } as const;
    callers.push({ label: role, actor, init: { cookie: client.cookie } });
  }

  await t.services.alerts.tick();
  const snapshot = t.fleet.snapshot();
  const filters = await Promise.all([t.datto.listDefaultFilters(), t.datto.listCustomFilters()]);
  const world: FuzzWorld = {
    devices: new Map(snapshot.devices.map((d) => [d.uid, d.deviceClass])),
    sites: new Map(snapshot.sites.map((s) => [s.uid, "known"])),
    filters: new Map(filters.flatMap((l) => l.data).map((f) => [String(f.id), "known"])),
    targetUsers: new Map(),
    alerts: new Map(t.sim.tenant.openAlerts().map((a) => [a.alertUid, "known"])),
    views: new Map(),
  };
  // The component catalog is read once and kept: warm it, as the first launcher would.
  await t.services.components.current();
  for (const name of ["fuzz-target-1", "fuzz-target-2"]) {
    world.targetUsers.set((await t.addUser(name, "viewer")).id, "known");
  }

  const surfaces: Record<string, Surface> = {
    ...accountSurfaces(world),
    ...fleetSurfaces(world),
    ...agentSurfaces(),
    ...alertSurfaces(world),
    ...jobSurfaces(world),
    ...wallSurfaces(),
  };
  const { routes, unguarded } = declaredRoutes(t);
  // A method the path answers: its own routes', and those of a pattern that matches it too
  // (GET /api/alerts/:uid answers GET /api/alerts/resolve: not a "wrong method" there).
  const pathOf = (r: Route) => r.name.slice(r.method.length + 1);
  const patternOf = (path: string) =>
    new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]+/g, "[^/]+")}$`);
  const methodsOfPath = (route: Route) =>
    routes
      .filter((r) => pathOf(r) === pathOf(route) || patternOf(pathOf(r)).test(pathOf(route)))
      .map((r) => r.method);

  /**
   * Lets the app run until `done()`. The clock moves only when the app sleeps on it (a read paced
   * by the budget) and has made no progress for a while; a password hash takes real time instead.
   */
  async function runUntil(done: () => boolean) {
    const giveUpAt = Date.now() + 15_000;
    for (let turn = 1; !done(); turn++) {
      await nextTurn();
      if (turn % 20 === 0 && t.clock.pendingSleepers() > 0) await t.clock.advance(1_000);
      if (Date.now() > giveUpAt) throw new Error("the app did not settle");
    }
  }

  async function send(req: FuzzRequest): Promise<Received> {
    const before = t.sim.control.counters().byRoute;
    let res: Response | null = null;
    void t.request(req.path, req.init).then((r) => (res = r));
    await runUntil(() => res !== null);
    const answered = res as unknown as Response;
    let text: string | null = null;
    void answered.text().then((s) => (text = s));
    await runUntil(() => text !== null);
    // Work the request started (a filter's devices, software audits) is its doing too.
    let quiet = 0;
    await runUntil(() => {
      quiet =
        tracker.busy() || t.software.pending() > 0 || t.services.jobDispatcher.busy()
          ? 0
          : quiet + 1;
      return quiet >= 2;
    });
    const after = t.sim.control.counters().byRoute;
    const calls: Record<string, number> = {};
    for (const [route, count] of Object.entries(after)) {
      const made = count - (before[route] ?? 0);
      if (made > 0) calls[route] = made;
    }
    return { status: answered.status, headers: answered.headers, text: text ?? "", calls };
  }

  const admits = (rule: Route["rule"], actor: Caller["actor"]) =>
    rule.needs === "public" ||
    (actor !== null &&
      !(rule.peopleOnly && actor.kind !== "person") &&
      (rule.needs === "signed-in" || can(actor, rule.needs)));

  /** Mostly someone the route admits (so input gets checked), sometimes anyone. */
  function pickCaller(f: FuzzRng, route: Route): Caller {
    const anonymous = callers.filter((c) => c.actor === null);
    if (surfaces[route.name]?.anonymousOnly) return f.pick(anonymous);
    const welcome = callers.filter((c) => admits(route.rule, c.actor));
    return f.pick(f.chance(0.85) && welcome.length > 0 ? welcome : callers);
  }

  return { t, world, surfaces, routes, unguarded, methodsOfPath, pickCaller, send };
}

export type FuzzTarget = Awaited<ReturnType<typeof createFuzzTarget>>;
