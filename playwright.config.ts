import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/ensure-chromium";

/**
 * e2e runs the built SPA served by the real server in demo mode (the in-process simulator is the
 * vendor), in Debian's Chromium: Playwright cannot download its own browsers on these machines.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: "npx tsx e2e/support/start-demo-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port) },
    stdout: "ignore",
    stderr: "pipe",
  },
});
