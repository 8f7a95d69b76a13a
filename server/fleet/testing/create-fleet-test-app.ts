import { Hono } from "hono";
import type { AuthEnv } from "../../auth/auth-env";
import type { Role } from "../../contract/roles";
import { createDattoApi, type DattoApi } from "../../datto/api/create-datto-api";
import { createDattoGateway } from "../../datto/gateway/create-gateway";
import {
  createSimulator,
  type ScenarioName,
  type Simulator,
} from "../../datto/simulator/create-simulator";
import { createManualClock, type ManualClock } from "../../lib/clock";
import { createMemoryLogger } from "../../lib/logger";
import { notFoundJson, onErrorJson } from "../../middleware/errors";
import { createDeviceRoutes } from "../../routes/device-routes";
import { createFleetRoutes } from "../../routes/fleet-routes";
import { createSiteRoutes } from "../../routes/site-routes";
import { createSoftwareRoutes } from "../../routes/software-routes";
import { createViewRoutes } from "../../routes/view-routes";
import { createFleetSnapshotRepo } from "../../store/sqlite/fleet-snapshot-repo";
import { createSavedViewRepo } from "../../store/sqlite/saved-view-repo";
import { createUdfLabelRepo } from "../../store/sqlite/udf-label-repo";
import { createTestStore } from "../../testing/create-test-store";
import { createFleetIndex } from "../fleet-index";
import { createSoftwareSearch } from "../software-search";
import { openFleetDb } from "./open-fleet-db";

export type FleetTestOptions = {
  devices?: number;
  seed?: number;
  scenario?: ScenarioName;
  /** Reuse a data folder (a "restart"); the caller then cleans it up. */
  dataDir?: string;
  clock?: ManualClock;
  /** Wraps the real facade, e.g. to hold one call back. */
  wrapDatto?: (datto: DattoApi) => DattoApi;
};

/**
 * The fleet API as app.ts will compose it: real routes, real SQLite in a temp folder, the gateway
 * over the simulator, a manual clock. The session is faked by a tiny middleware that signs in the
 * user named in `x-test-user` (real users in the store, so saved views keep their foreign key).
 */
export function createFleetTestApp(options: FleetTestOptions = {}) {
  const clock = options.clock ?? createManualClock();
  const logger = createMemoryLogger();
  const sim: Simulator = createSimulator({
    seed: options.seed ?? 7,
    devices: options.devices ?? 60,
    clock,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  const gateway = createDattoGateway({
    baseUrl: sim.apiBaseUrl,
    ...sim.credentials,
    fetch: sim.fetch,
    clock,
    logger,
    random: () => 0.5,
  });
  const realDatto = createDattoApi(gateway);
  const datto = options.wrapDatto ? options.wrapDatto(realDatto) : realDatto;
  const testStore = createTestStore(clock);
  const { store } = testStore;
  const dataDir = options.dataDir ?? testStore.dataDir;
  const db = openFleetDb(dataDir, clock.now());
  const snapshots = createFleetSnapshotRepo(db, clock);
  const savedViews = createSavedViewRepo(db, clock);
  const udfLabels = createUdfLabelRepo(db, clock);
  const fleet = createFleetIndex({
    datto,
    clock,
    logger,
    snapshots,
    refreshIntervalMs: 5 * 60_000,
  });
  const software = createSoftwareSearch({ datto, fleet, clock, logger });

  const roles: Role[] = ["viewer", "technician", "approver", "admin"];
  for (const role of roles) {
    if (!store.users.findByUsername(role))
      store.users.create({ username: role, role, passwordHash: "x" });
  }
  if (!store.users.findByUsername("viewer2")) {
    store.users.create({ username: "viewer2", role: "viewer", passwordHash: "x" });
  }

  const app = new Hono<AuthEnv>();
  app.use("*", async (c, next) => {
    const name = c.req.header("x-test-user");
    const record = name ? store.users.findByUsername(name) : null;
    c.set("user", record ? { id: record.id, username: record.username, role: record.role } : null);
    await next();
  });
  const deps = { fleet, datto, clock, udfLabels, savedViews, software, events: store.events };
  app.route("/api/devices", createDeviceRoutes(deps));
  app.route("/api/sites", createSiteRoutes(deps));
  app.route("/api/fleet", createFleetRoutes(deps));
  app.route("/api/views", createViewRoutes(deps));
  app.route("/api/software", createSoftwareRoutes(deps));
  app.notFound(notFoundJson);
  app.onError(onErrorJson);

  const request = (
    path: string,
    init: { as?: string | null; method?: string; json?: unknown } = {},
  ) => {
    const headers: Record<string, string> = {};
    const as = init.as === undefined ? "viewer" : init.as;
    if (as) headers["x-test-user"] = as;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    return app.request(`http://localhost${path}`, { method: init.method ?? "GET", headers, body });
  };
  const getJson = async <T>(path: string, as?: string) => {
    const res = await request(path, as === undefined ? {} : { as });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** Lets time pass (retries, back-offs) until `promise` settles. */
  const settle = async <T>(promise: Promise<T>, stepMs = 1_000, maxSteps = 600): Promise<T> => {
    let done = false;
    const tracked = promise.finally(() => {
      done = true;
    });
    for (let i = 0; i < maxSteps && !done; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!done) await clock.advance(stepMs);
    }
    return tracked;
  };

  return {
    app,
    sim,
    clock,
    logger,
    datto,
    gateway,
    store,
    db,
    dataDir,
    fleet,
    software,
    snapshots,
    request,
    getJson,
    settle,
    async cleanup(keepDataDir = false) {
      await fleet.stop();
      software.stop();
      db.close();
      if (keepDataDir) testStore.store.close();
      else testStore.cleanup();
    },
  };
}

export type FleetTestApp = ReturnType<typeof createFleetTestApp>;
