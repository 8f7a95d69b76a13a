import { startSimulatorServer } from "../server/cli/simulator";
import { createSimulator } from "../server/datto/simulator/create-simulator";
import { createManualClock } from "../server/lib/clock";
import type { BenchRow } from "./table";

/**
 * The simulator as everyone else meets it: how fast a 50,000-device tenant is built, what it
 * costs in heap, and how many requests per second the standalone server answers over loopback.
 */
const BIG = 50_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function pool(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

export async function benchSimulator(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    createSimulator({ devices: BIG, seed: 1 + i, clock: createManualClock() });
    times.push(performance.now() - started);
  }
  rows.push({
    name: "build 50,000-device tenant",
    value: median(times),
    unit: "ms",
    note: "median of 3",
  });

  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = createSimulator({ devices: BIG, clock: createManualClock() });
  collect();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1_048_576;
  rows.push({
    name: "heap of a 50,000-device tenant",
    value: heapMb,
    unit: "MB",
    note: (globalThis as { gc?: unknown }).gc ? "after gc" : "heapUsed delta, no --expose-gc",
  });
  if (kept.tenant.accountUid() === "")
    throw new Error("unreachable: keeps the tenant alive until measured");

  const running = await startSimulatorServer(
    { port: 0, host: "127.0.0.1" },
    {
      devices: 5_000,
      rateLimits: { readsPerMinute: 10_000_000 },
    },
  );
  try {
    const tokenRes = await fetch(`${running.url}/auth/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa("public-client:public")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=password&username=sim-key&password=sim-secret",
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}` };
    const uids = running.simulator.tenant.listDevices().map((d) => d.uid);
    const get = async (path: string) => {
      const res = await fetch(`${running.url}/api${path}`, { headers });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.arrayBuffer();
    };
    await pool(400, 16, (i) => get(`/v2/device/${uids[i % uids.length]}`));
    const single = 2_000;
    let started = performance.now();
    await pool(single, 16, (i) => get(`/v2/device/${uids[(i * 7) % uids.length]}`));
    rows.push({
      name: "standalone GET /v2/device/{uid}",
      value: single / ((performance.now() - started) / 1000),
      unit: "req/s",
      note: "loopback, 2,000 requests, concurrency 16",
    });
    const pages = 20;
    started = performance.now();
    await pool(pages, 4, (i) => get(`/v2/account/devices?max=250&page=${i}`));
    const seconds = (performance.now() - started) / 1000;
    rows.push({
      name: "standalone GET /v2/account/devices (250/page)",
      value: pages / seconds,
      unit: "pages/s",
      note: `${Math.round((pages * 250) / seconds)} devices/s, concurrency 4`,
    });
  } finally {
    await running.close();
  }
  return rows;
}
