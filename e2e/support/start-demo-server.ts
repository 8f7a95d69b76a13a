import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The e2e web server: the real server in demo mode (the in-process simulator is the vendor) on a
 * fresh data folder, serving the built SPA from dist/. Playwright starts and stops it.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-e2e-"));
process.env.DATA_DIR = dataDir;
process.env.HOST = "127.0.0.1";
// One process on SQLite, whatever the shell has set (CI exports DATABASE_URL and REDIS_URL for
// the several-instances suites).
for (const name of [
  "DATTO_API_URL",
  "DATTO_API_KEY",
  "DATTO_API_SECRET",
  "DATABASE_URL",
  "REDIS_URL",
]) {
  delete process.env[name];
}

const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
process.on("exit", cleanup);

const { runMain } = await import("../../server/main");
await runMain([], { loadDotEnv: false });
