import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { singleProcessEnv } from "../../server/testing/single-process-env";

/**
 * A console of its own for the wall's e2e: the standalone simulator (with its /__sim control, so
 * the spec can take "Datto" down and bring it back) and a live-mode server pointed at it, which the
 * spec can also stop and start again on the same data folder (a server restart). Ports follow
 * E2E_PORT so parallel runs on one machine do not meet.
 */
const base = Number(process.env.E2E_PORT ?? 4173);
export const SIM_PORT = base + 1000;
export const APP_PORT = base + 2000;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
export const ADMIN = { username: "walladmin", password: "wall admin password" };
/** Fast, so the spec waits seconds, not minutes (the product's default is 15 s). */
export const REFRESH_SECONDS = 5;

const tsx = path.resolve("node_modules/.bin/tsx");

async function waitFor(url: string, what: string, timeoutMs = 60_000) {
  const giveUp = Date.now() + timeoutMs;
  while (Date.now() < giveUp) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not start at ${url}`);
}

export function createWallStack() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-wall-e2e-"));
  let sim: ChildProcess | null = null;
  let app: ChildProcess | null = null;
  // One instance on its own SQLite folder, even where CI exports DATABASE_URL and REDIS_URL.
  const env = singleProcessEnv({
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(APP_PORT),
    DATTO_API_URL: SIM_URL,
    DATTO_API_KEY: "sim-key",
    DATTO_API_SECRET: "sim-secret",
    WALL_REFRESH_SECONDS: String(REFRESH_SECONDS),
    LOG_LEVEL: "warn",
  });

  async function startApp() {
    app = spawn(tsx, ["server/main.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    await waitFor(`${APP_URL}/api/health`, "The RMM Deck server");
  }

  async function stopApp() {
    const running = app;
    app = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  }

  return {
    async start() {
      sim = spawn(
        tsx,
        [
          "server/main.ts",
          "simulator",
          "--port",
          String(SIM_PORT),
          "--devices",
          "80",
          "--seed",
          "4",
        ],
        { env: singleProcessEnv(), stdio: ["ignore", "ignore", "inherit"] },
      );
      await waitFor(`${SIM_URL}/__sim/counters`, "The simulator");
      const user = spawnSync(
        tsx,
        ["server/main.ts", "user", "add", ADMIN.username, "--role", "admin"],
        {
          env: { ...env, RMM_DECK_PASSWORD: ADMIN.password },
          encoding: "utf8",
        },
      );
      if (user.status !== 0) throw new Error(`Could not create the admin: ${user.stderr}`);
      await startApp();
    },
    startApp,
    stopApp,
    /** "down": every Datto call answers 503; "normal": back to work. */
    async setScenario(scenario: "down" | "normal") {
      const res = await fetch(`${SIM_URL}/__sim/scenario`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: scenario }),
      });
      if (!res.ok) throw new Error(`The simulator refused scenario ${scenario}: ${res.status}`);
    },
    async stop() {
      await stopApp();
      sim?.kill("SIGTERM");
      sim = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
