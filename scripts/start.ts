import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `npm start`: builds the SPA when dist/ is missing or older than its sources, then runs the server
 * (demo mode unless Datto credentials are configured) serving SPA and API from one process.
 */
const root = path.resolve(import.meta.dirname, "..");
const builtIndex = path.join(root, "dist", "index.html");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const sources = ["src", "public", "index.html", "vite.config.ts", "server/contract"].map((p) => path.join(root, p));
const sourceTime = Math.max(...sources.map(newestMtime));
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourceTime) {
  console.info("Building the console (first start or sources changed)...");
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { runMain } = await import("../server/main");
await runMain([]);
