import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  "@server": fileURLToPath(new URL("./server", import.meta.url)),
};

// Suites that need a running service run only where it is configured (README "Running several
// instances"); scripts/test-all.ts says which ran and which did not, and why.
export const serviceSuites = [
  { pattern: "server/**/*.needs-pg.test.ts", needs: ["DATABASE_URL"] },
  { pattern: "server/**/*.needs-redis.test.ts", needs: ["REDIS_URL"] },
  { pattern: "server/**/*.needs-pg-redis.test.ts", needs: ["DATABASE_URL", "REDIS_URL"] },
];
const missingServices = serviceSuites
  .filter((s) => s.needs.some((name) => !process.env[name]))
  .map((s) => s.pattern);

// The API server listens on PORT (default 8080); in dev, Vite proxies /api to it.
const apiPort = process.env.PORT ?? "8080";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${apiPort}` },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // zod ships comments Rollup cannot place; they are harmless and only drown real warnings.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules/zod")) return;
        warn(warning);
      },
    },
  },
  test: {
    // Any console.error during a test fails it (see src/testing/setup.ts, server/testing/setup.ts).
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          environment: "node",
          include: ["server/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...missingServices],
          setupFiles: ["server/testing/setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}"],
          setupFiles: ["src/testing/setup.ts"],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
