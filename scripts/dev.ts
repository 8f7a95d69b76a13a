import { spawn, type ChildProcess } from "node:child_process";

/**
 * `npm run dev`: the API server with reload (tsx watch) plus Vite's dev server with HMR, which
 * proxies /api to it. Open the URL Vite prints.
 */
const children: ChildProcess[] = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "server/main.ts"], { stdio: "inherit" }),
  spawn("npx", ["vite"], { stdio: "inherit" }),
];

const stopAll = (code: number) => {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
};
for (const child of children) child.on("exit", (code) => stopAll(code ?? 0));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
