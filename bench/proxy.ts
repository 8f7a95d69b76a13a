import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "../server/app";
import { hashPassword } from "../server/auth/password";
import { createServices } from "../server/compose";
import { parseConfig } from "../server/env";
import { createLogger } from "../server/lib/logger";
import { percentile, type BenchRow } from "./table";

/**
 * The proxy's added latency on loopback: a technician's browser asking our server for one device
 * (GET /api/devices/:uid, session checked, Datto payload parsed and mapped) against a client asking
 * the standalone simulator for it directly (GET /api/v2/device/:uid). Each proxied request names a
 * device not asked before, so the gateway cache never answers it: the server really calls Datto.
 *
 * Both paths first serve WARM_UP requests of their own (devices never asked for again, so the
 * measured requests stay uncached), interleaved exactly like the measured ones and not recorded.
 * Without it the first few hundred measured requests ran on code V8 had not optimised yet, in both
 * processes: the added latency fell from ~1.4 ms in the first quarter of the run to ~1.0 ms in the
 * last (docs/decisions/0005-request-overhead.md). A server that is up serves warm code.
 */
const N = 1_000;
const WARM_UP = 500;

async function listen(
  fetch: (r: Request) => Response | Promise<Response>,
): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function benchProxy(): Promise<BenchRow[]> {
  const sim = await startSimulatorProcess(2 * (N + WARM_UP) + 10);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-bench-"));
  const config = parseConfig({
    DATA_DIR: dataDir,
    DATTO_API_URL: sim.url,
    DATTO_API_KEY: sim.apiKey,
    DATTO_API_SECRET: sim.apiSecret,
    LOG_LEVEL: "warn",
  });
  // The bench measures latency, not pacing: lift our own budget and the per-person allowance.
  config.budget.readsPerMinute = 1_000_000;
  config.budget.perPersonPerMinute = 1_000_000;
  const services = await createServices(config, { logger: createLogger({ level: "error" }) });
  const appServer = await listen(createApp(services).fetch);
  try {
    await services.fleet.refreshAll("interactive");
    const token = await simToken(sim);
    const cookie = await benchSession(services, appServer.url);
    const uids = services.fleet.snapshot().devices.map((d) => d.uid);
    const direct: number[] = [];
    const proxied: number[] = [];
    // Devices [0, 2 * WARM_UP) warm up; the measured ones come after, each asked for once only.
    const directUid = (i: number) => (i < 0 ? uids[WARM_UP + i] : uids[2 * WARM_UP + i]);
    const deckUid = (i: number) => (i < 0 ? uids[2 * WARM_UP + i] : uids[2 * WARM_UP + N + i]);
    for (let i = -WARM_UP; i < N; i++) {
      const toSim = await timed(`${sim.url}/api/v2/device/${directUid(i)}`, {
        authorization: `Bearer ${token}`,
      });
      const viaDeck = await timed(`${appServer.url}/api/devices/${deckUid(i)}`, { cookie });
      if (i < 0) continue;
      direct.push(toSim);
      proxied.push(viaDeck);
    }
    direct.sort((a, b) => a - b);
    proxied.sort((a, b) => a - b);
    const p = (xs: number[], q: number) => percentile(xs, q);
    const note = `${N} sequential uncached requests each after ${WARM_UP} warm-up; simulator in its own process`;
    return [
      { name: "direct to simulator p50", value: p(direct, 50), unit: "ms", note },
      { name: "direct to simulator p99", value: p(direct, 99), unit: "ms", note },
      { name: "through RMM Deck p50", value: p(proxied, 50), unit: "ms", note },
      { name: "through RMM Deck p99", value: p(proxied, 99), unit: "ms", note },
      {
        name: "added latency p50",
        value: p(proxied, 50) - p(direct, 50),
        unit: "ms",
        note: "target: under 1 ms",
      },
      { name: "added latency p99", value: p(proxied, 99) - p(direct, 99), unit: "ms" },
    ];
  } finally {
    appServer.server.close();
    sim.stop();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type SimProcess = { url: string; apiKey: string; apiSecret: string; stop(): void };

async function startSimulatorProcess(devices: number): Promise<SimProcess> {
  const child = spawn("npx", ["tsx", "bench/support/sim-server.ts", String(devices)], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  };
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf("\n");
      if (newline >= 0) resolve(buffer.slice(0, newline));
    });
    child.once("exit", (code) => reject(new Error(`simulator process exited (${code})`)));
  });
  return { ...(JSON.parse(line) as { url: string; apiKey: string; apiSecret: string }), stop };
}

async function simToken(sim: SimProcess): Promise<string> {
  const response = await fetch(`${sim.url}/auth/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa("public-client:public")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "password",
      username: sim.apiKey,
      password: sim.apiSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Signs in once (live mode seeds no accounts, so the bench creates its viewer). */
async function benchSession(
  services: Awaited<ReturnType<typeof createServices>>,
  baseUrl: string,
): Promise<string> {
  const passwordHash = await hashPassword("bench-password");
  await services.store.users.create({ username: "bench", role: "viewer", passwordHash });
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench", password: "bench-password" }),
  });
  if (!response.ok) throw new Error(`bench login failed: ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}
