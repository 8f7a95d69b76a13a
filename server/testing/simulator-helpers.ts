import { createManualClock, type ManualClock } from "../lib/clock";
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from "../datto/simulator/create-simulator";

/** Shared by the simulator's own tests: a simulator on a manual clock and a bearer-token client. */
export interface TestSim {
  sim: Simulator;
  clock: ManualClock;
  token: () => Promise<string>;
  get: (path: string, init?: RequestInit) => Promise<Response>;
  send: (method: string, path: string, body?: unknown) => Promise<Response>;
}

export const PUBLIC_CLIENT = `Basic ${btoa("public-client:public")}`;

export async function requestToken(
  sim: Simulator,
  key = sim.credentials.apiKey,
  secret = sim.credentials.apiSecret,
): Promise<Response> {
  return sim.fetch(`${sim.publicBaseUrl}/auth/oauth/token`, {
    method: "POST",
    headers: { authorization: PUBLIC_CLIENT, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      username: key,
      password: secret,
    }).toString(),
  });
}

export function createTestSim(options: SimulatorOptions = {}): TestSim {
  const clock = createManualClock();
  const sim = createSimulator({ devices: 120, ...options, clock });
  let cached: string | null = null;
  const token = async () => {
    if (cached) return cached;
    const res = await requestToken(sim);
    const body = (await res.json()) as { access_token: string };
    cached = body.access_token;
    return cached;
  };
  const send = async (method: string, path: string, body?: unknown) =>
    sim.fetch(`${sim.apiBaseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  const get = async (path: string, init: RequestInit = {}) =>
    sim.fetch(`${sim.apiBaseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await token()}` },
    });
  return { sim, clock, token, get, send };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The open disk-space alert on a Windows server that every normal tenant has (decision 0013). */
export function serverDiskAlert(sim: Simulator) {
  return sim.tenant
    .openAlerts()
    .find(
      (a) =>
        a.alertContext["@class"] === "perf_disk_usage_ctx" &&
        (sim.tenant.getDevice(a.alertSourceInfo.deviceUid ?? "")?.operatingSystem ?? "").includes(
          "Windows Server",
        ),
    );
}
