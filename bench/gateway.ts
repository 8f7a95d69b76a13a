import { performance } from "node:perf_hooks";
import { systemClock } from "../server/lib/clock";
import { createLogger } from "../server/lib/logger";
import { createDattoApi } from "../server/datto/api/create-datto-api";
import { createDattoGateway } from "../server/datto/gateway/create-gateway";
import { createSimulator } from "../server/datto/simulator/create-simulator";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const N = 2_000;
const HIGH = 100_000_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * The gateway's own cost per call: reading one device through it (cache off via maxAgeMs: 0, so
 * budget, token, deadline, fetch and zod parse all run) against calling the simulator's fetch and
 * parsing JSON directly. In-process simulator with quotas raised so neither side waits.
 */
export async function benchGateway(): Promise<BenchResult[]> {
  const sim = createSimulator({
    seed: 1,
    devices: 400,
    enableControl: false,
    clock: systemClock,
    rateLimits: { readsPerMinute: HIGH, writesPerMinute: HIGH, writesPerOperation: HIGH },
  });
  const { apiKey, apiSecret } = sim.credentials;
  const gateway = createDattoGateway({
    baseUrl: sim.apiBaseUrl,
    apiKey,
    apiSecret,
    fetch: sim.fetch as typeof fetch,
    clock: systemClock,
    logger: createLogger({ level: "error", write: () => undefined }),
    readsPerMinute: HIGH,
  });
  const api = createDattoApi(gateway);
  const uid = (await api.listAccountDevices()).data[0]!.uid;

  const tokenAnswer = await sim.fetch(`${sim.publicBaseUrl}/auth/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${btoa("public-client:public")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "password",
      username: apiKey,
      password: apiSecret,
    }).toString(),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const url = `${sim.apiBaseUrl}/v2/device/${uid}`;

  const direct: number[] = [];
  const through: number[] = [];
  for (let i = 0; i < 200; i++) {
    await (await sim.fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    await api.getDevice(uid, { maxAgeMs: 0 });
  }
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    await (await sim.fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    direct.push(performance.now() - t);
    t = performance.now();
    await api.getDevice(uid, { maxAgeMs: 0 });
    through.push(performance.now() - t);
  }

  const note = `N=${N} sequential reads of one device, in-process simulator, cache disabled`;
  const p = (samples: number[], q: number) => round(percentile(samples, q));
  return [
    { name: "gateway.read device p50", value: p(through, 50), unit: "ms", note },
    { name: "gateway.read device p99", value: p(through, 99), unit: "ms", note },
    { name: "direct simulator fetch device p50", value: p(direct, 50), unit: "ms", note },
    { name: "direct simulator fetch device p99", value: p(direct, 99), unit: "ms", note },
    { name: "gateway added latency p50", value: round(p(through, 50) - p(direct, 50)), unit: "ms" },
    { name: "gateway added latency p99", value: round(p(through, 99) - p(direct, 99)), unit: "ms" },
  ];
}
