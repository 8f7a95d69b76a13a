import type { BenchRow } from "./table";
import { createTestApp } from "../server/testing/create-test-app";

/**
 * Upstream reads per minute with 1, 10 and 50 viewers polling the same views. Every viewer is a
 * signed-in session asking, every 15 s, for the device list, the sites, the sync status, the health
 * and one device's page with its audit tabs. Ten minutes pass on a manual clock, so the run takes
 * seconds while the fleet index's background walks and the gateway cache behave as in real time.
 * Target: the upstream rate does not grow with the number of viewers (within 5%).
 */
const MINUTES = 10;
const POLL_MS = 15_000;

async function upstreamReadsPerMinute(viewers: number): Promise<number> {
  const t = await createTestApp({ devices: 2_000, syncFleet: false });
  try {
    await t.services.fleet.start();
    await t.services.fleet.refreshAll("background"); // joins the first walk
    const device = t.sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
    // Each viewer is a different person (the per-person allowance would otherwise count them as one).
    const passwordHash = (await t.store.users.findByUsername("viewer"))!.passwordHash;
    const cookies: string[] = [];
    for (let i = 0; i < viewers; i++) {
      await t.store.users.create({ username: `viewer-${i}`, role: "viewer", passwordHash });
      cookies.push(await login(t.app, `viewer-${i}`));
    }
    t.sim.control.resetCounters();

    const views = [
      "/api/devices?limit=100&sort=hostname",
      "/api/sites",
      "/api/fleet/status",
      "/api/health",
      `/api/devices/${device.uid}`,
      `/api/devices/${device.uid}/audit`,
      `/api/devices/${device.uid}/software`,
      `/api/devices/${device.uid}/alerts?state=open`,
    ];
    for (let elapsed = 0; elapsed < MINUTES * 60_000; elapsed += POLL_MS) {
      await Promise.all(
        cookies.flatMap((cookie) =>
          views.map(async (path) => {
            const response = await t.app.request(path, { headers: { cookie } });
            if (!response.ok) throw new Error(`${path} answered ${response.status}`);
            await response.arrayBuffer();
          }),
        ),
      );
      await t.clock.advance(POLL_MS);
    }
    return t.sim.control.counters().reads / MINUTES;
  } finally {
    await t.close();
  }
}

async function login(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  username: string,
) {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

export async function benchViewers(): Promise<BenchRow[]> {
  const rates: Record<number, number> = {};
  for (const viewers of [1, 10, 50]) rates[viewers] = await upstreamReadsPerMinute(viewers);
  const spread = (Math.max(...Object.values(rates)) / Math.min(...Object.values(rates)) - 1) * 100;
  return [
    ...Object.entries(rates).map(([viewers, rate]) => ({
      name: `upstream reads/min, ${viewers} viewer(s) polling`,
      value: rate,
      unit: "req/min",
      note: `2,000-device tenant, ${MINUTES} simulated minutes, 8 views every 15 s`,
    })),
    {
      name: "spread between 1 and 50 viewers",
      value: spread,
      unit: "%",
      note: "target: within 5%",
    },
  ];
}
