import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../app";
import { createServices, type Services } from "../compose";
import { createSimulator, type ScenarioName, type Simulator } from "../datto/simulator/create-simulator";
import { parseConfig } from "../env";
import { createManualClock, type ManualClock } from "../lib/clock";
import { createMemoryLogger } from "../lib/logger";

export interface TestAppOptions {
  devices?: number;
  scenario?: ScenarioName;
  seed?: number;
  /** Start the fleet index's first walk and wait for it (default true). */
  syncFleet?: boolean;
  clock?: ManualClock;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  sim: Simulator;
  clock: ManualClock;
  store: Services["store"];
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server app over a real SQLite store in a temp folder, demo users seeded, with the
 * simulator as the vendor and a manual clock. Used by server tests, the MSW wiring of component
 * tests and benches.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? createManualClock();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-test-"));
  const sim = createSimulator({
    seed: options.seed ?? 1,
    devices: options.devices ?? 60,
    scenario: options.scenario ?? "normal",
    clock,
  });
  const config = parseConfig({ DATA_DIR: dataDir });
  const services = await createServices(config, { clock, simulator: sim, logger: createMemoryLogger() });
  if (options.syncFleet ?? true) await services.fleet.refreshAll("interactive");
  const app = createApp(services);
  return {
    app,
    services,
    sim,
    clock,
    store: services.store,
    dataDir,
    async close() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
