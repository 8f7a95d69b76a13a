import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../app";
import { hashPassword } from "../auth/password";
import { DEMO_PASSWORD } from "../auth/seed-demo-users";
import { createServices, type Services } from "../compose";
import type { SessionUser } from "../contract/auth";
import type { Role } from "../contract/roles";
import type { User } from "../contract/users";
import type { DattoApi } from "../datto/api/create-datto-api";
import {
  createSimulator,
  type ScenarioName,
  type Simulator,
} from "../datto/simulator/create-simulator";
import { parseConfig } from "../env";
import { createManualClock, type ManualClock } from "../lib/clock";
import { createMemoryLogger } from "../lib/logger";
import type { TokenResolver } from "../middleware/resolve-actor";
import {
  createSend,
  createTestClient,
  sessionCookieFrom,
  type Send,
  type TestClient,
} from "./test-client";

export interface TestAppOptions {
  /** The simulated tenant: size (default 60), seed (default 1) and scenario (default normal). */
  devices?: number;
  seed?: number;
  scenario?: ScenarioName;
  /** Exactly this many open alerts in the simulated tenant (default: what its fleet gives). */
  openAlerts?: number;
  /** Run the fleet index's first walk before returning (default true). */
  syncFleet?: boolean;
  clock?: ManualClock;
  /** "demo" (default) seeds the demo accounts; "live" treats the simulator as a live tenant. */
  mode?: "demo" | "live";
  /** More settings, as the environment would give them (e.g. PERSON_DATTO_REQUESTS_PER_MINUTE). */
  env?: Record<string, string>;
  /** Reuse this data folder (a restart of the same server); the caller removes it. */
  dataDir?: string;
  /** Reuse this simulated tenant (a restart of our server while Datto keeps its state). */
  simulator?: Simulator;
  /** Wraps the Datto API every part uses, e.g. to hold one call back or fail it. */
  wrapDatto?: (datto: DattoApi) => DattoApi;
  /** Bearer token -> agent or wall, until their token stores exist. */
  resolveToken?: TokenResolver;
}

const TEST_PASSWORD = "correct horse battery";

export interface TestApp extends Pick<
  Services,
  "store" | "fleet" | "software" | "datto" | "gateway"
> {
  app: ReturnType<typeof createApp>;
  services: Services;
  sim: Simulator;
  clock: ManualClock;
  logger: ReturnType<typeof createMemoryLogger>;
  dataDir: string;
  /** An anonymous request, sent as the SPA sends it (pass `cookie` to send one). */
  request: Send;
  /** Creates a user (password TEST_PASSWORD unless given). */
  addUser(username: string, role: Role, password?: string): Promise<User>;
  /** Signs in through POST /api/auth/login: a demo account by its role, or any user by name. */
  signIn(username: string, password?: string): Promise<TestClient>;
  /** Lets the manual clock run (retries, back-offs) until `promise` settles. */
  settle<T>(promise: Promise<T>, stepMs?: number): Promise<T>;
  /** Stops it and removes its data folder (kept when it was given one); once only. */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/**
 * The real server app (createApp over createServices) on a real SQLite store in a temp folder,
 * with the simulator as the vendor and a manual clock. Every route test, the SPA's MSW wiring and
 * the viewers bench use it; requests go through the real sign-in, CSRF check and allowance.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? createManualClock();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "rmm-deck-test-"));
  const sim =
    options.simulator ??
    createSimulator({
      seed: options.seed ?? 1,
      devices: options.devices ?? 60,
      scenario: options.scenario ?? "normal",
      clock,
      ...(options.openAlerts === undefined ? {} : { openAlerts: options.openAlerts }),
    });
  const live = options.mode === "live";
  const config = parseConfig({
    DATA_DIR: dataDir,
    ...(live
      ? {
          DATTO_API_URL: sim.apiBaseUrl,
          DATTO_API_KEY: sim.credentials.apiKey,
          DATTO_API_SECRET: sim.credentials.apiSecret,
        }
      : {}),
    ...options.env,
  });
  const logger = createMemoryLogger();
  const services = await createServices(config, {
    clock,
    logger,
    ...(live ? { upstreamFetch: sim.fetch as typeof fetch } : { simulator: sim }),
    ...(options.wrapDatto ? { wrapDatto: options.wrapDatto } : {}),
  });
  if (options.syncFleet ?? true) await services.fleet.refreshAll("interactive");
  const app = createApp({ ...services, resolveToken: options.resolveToken });
  const send = createSend(app);
  const passwords = new Map<string, string>();
  let closed = false;

  return {
    app,
    services,
    sim,
    clock,
    logger,
    dataDir,
    store: services.store,
    fleet: services.fleet,
    software: services.software,
    datto: services.datto,
    gateway: services.gateway,
    request: send,
    async addUser(username, role, password = TEST_PASSWORD) {
      passwords.set(username, password);
      return services.store.users.create({
        username,
        role,
        passwordHash: await hashPassword(password),
      });
    },
    async signIn(username, password = passwords.get(username) ?? DEMO_PASSWORD) {
      const res = await send("/api/auth/login", { method: "POST", json: { username, password } });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const { user } = (await res.json()) as { user: SessionUser };
      return createTestClient(send, user, sessionCookieFrom(res)!);
    },
    async settle(promise, stepMs = 1_000) {
      let done = false;
      const finish = () => {
        done = true;
      };
      promise.then(finish, finish);
      for (let i = 0; i < 600 && !done; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!done) await clock.advance(stepMs);
      }
      return promise;
    },
    async close({ keepDataDir = options.dataDir !== undefined } = {}) {
      if (closed) return;
      closed = true;
      await services.close();
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
