import { Hono } from "hono";
import type { AppEnv } from "../server/contract/actor";
import { DeviceQuerySchema, type DeviceListResponse } from "../server/contract/devices";
import { createDattoApi } from "../server/datto/api/create-datto-api";
import { createDattoGateway } from "../server/datto/gateway/create-gateway";
import { createSimulator } from "../server/datto/simulator/create-simulator";
import { createFleetIndex, type FleetIndex } from "../server/fleet/fleet-index";
import { createFleetRefresh } from "../server/fleet/refresh";
import { createSoftwareSearch } from "../server/fleet/software-search";
import { naturalKey } from "../server/fleet/sort-keys";
import { systemClock } from "../server/lib/clock";
import { createLogger } from "../server/lib/logger";
import { createGuard } from "../server/middleware/route-guard";
import { createUpstreamAllowance } from "../server/middleware/upstream-allowance";
import { createDeviceRoutes } from "../server/routes/device-routes";
import type { FleetSnapshotRepo } from "../server/store/port/fleet-repos";
import { benchSoftwareSearch } from "./software-search";
import type { BenchRow } from "./table";

const DEVICES = 50_000;
const QUERIES = 500;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A deterministic mix of what people do in the devices table. */
function queryMix(
  hostnames: string[],
  users: string[],
  sites: string[],
  devices: number,
): string[] {
  let seed = 42;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]!;
  const kinds = [
    () => `offset=${rnd(devices)}&limit=100`,
    () =>
      `q=${encodeURIComponent(
        pick(hostnames)
          .slice(0, 3 + rnd(5))
          .toLowerCase(),
      )}`,
    () => `q=${encodeURIComponent(pick(users).slice(-5))}&sort=lastSeen&dir=desc`,
    () => `status=offline&deviceClass=device&sort=lastSeen`,
    () => `rebootRequired=true&patchStatus=InstallError&sort=siteName&dir=desc`,
    () => `siteUid=${pick(sites)}&sort=hostname`,
    () => `os=server&lastSeenOlderThanDays=${rnd(60)}&offset=${rnd(200)}`,
    () =>
      `sort=${pick(["hostname", "lastSeen", "siteName"])}&dir=${pick(["asc", "desc"])}&offset=${rnd(devices - 100)}`,
    () => `udf=1:${pick(["gold", "silver", "bronze"])}&antivirusStatus=RunningAndUpToDate`,
    () => `q=10.${rnd(10)}&sort=intIpAddress&offset=${rnd(5000)}`,
  ];
  return Array.from({ length: QUERIES }, () => pick(kinds)());
}

function collationRows(sortedHostnames: string[]): BenchRow[] {
  // Snapshot devices are already in hostname order: shuffle, or every sort is a no-op pass.
  const hostnames = [...sortedHostnames];
  let seed = 7;
  for (let i = hostnames.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [hostnames[i], hostnames[j]] = [hostnames[j]!, hostnames[i]!];
  }
  const idx = () => hostnames.map((_, i) => i);
  const time = (f: () => void) => {
    const runs = [0, 1, 2].map(() => {
      const t = performance.now();
      f();
      return performance.now() - t;
    });
    return runs.sort((a, b) => a - b)[1]!;
  };
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const keyed = (key: (s: string) => string) => () => {
    const k = hostnames.map(key);
    idx().sort((a, b) => (k[a]! < k[b]! ? -1 : k[a]! > k[b]! ? 1 : a - b));
  };
  const note = "one sort of 50k hostnames (cached per snapshot and column afterwards)";
  return [
    {
      name: "sort: localeCompare",
      value: time(() => idx().sort((a, b) => hostnames[a]!.localeCompare(hostnames[b]!))),
      unit: "ms",
      note,
    },
    {
      name: "sort: Intl.Collator numeric",
      value: time(() => idx().sort((a, b) => collator.compare(hostnames[a]!, hostnames[b]!))),
      unit: "ms",
      note,
    },
    {
      name: "sort: lowercase keys + <",
      value: time(keyed((s) => s.toLowerCase())),
      unit: "ms",
      note,
    },
    { name: "sort: natural keys + < (chosen)", value: time(keyed(naturalKey)), unit: "ms", note },
  ];
}

/**
 * `devices` defaults to the 50,000 of issue 5; the scale section (bench/scale.ts) runs it at
 * 200,000 without the software and collation rows.
 */
export async function benchFleet(
  devices = DEVICES,
  options: {
    extras?: boolean;
    /** Where the walk stores its snapshot (the leader of several instances). */
    snapshots?: FleetSnapshotRepo;
    onSynced?: (fleet: FleetIndex) => Promise<BenchRow[]>;
  } = {},
): Promise<BenchRow[]> {
  const extras = options.extras ?? true;
  const k = `${Math.round(devices / 1000)}k`;
  const clock = systemClock;
  const logger = createLogger({ level: "warn" });
  const unlimited = {
    readsPerMinute: 1e9,
    writesPerMinute: 1e9,
    writesPerOperation: 1e9,
    udfWritesPerOperation: 1e9,
  };
  const sim = createSimulator({
    seed: 1,
    devices,
    clock,
    rateLimits: unlimited,
    enableControl: false,
  });
  const gateway = createDattoGateway({
    baseUrl: sim.apiBaseUrl,
    ...sim.credentials,
    fetch: sim.fetch,
    clock,
    logger,
    readsPerMinute: 1e9,
    cacheMaxEntries: 20_000,
  });
  const datto = createDattoApi(gateway);
  const fleet = createFleetIndex({
    datto,
    clock,
    logger,
    refreshIntervalMs: 24 * 3_600_000,
    ...(options.snapshots ? { snapshots: options.snapshots } : {}),
  });

  const readsBefore = sim.control.counters().reads;
  const started = performance.now();
  await fleet.refreshAll("interactive");
  const syncMs = performance.now() - started;
  const walkReads = sim.control.counters().reads - readsBefore;
  const snapshot = fleet.snapshot();
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1_048_576;
  if (snapshot.devices.length < devices * 0.99)
    throw new Error(`only ${snapshot.devices.length} devices synced`);

  // The device routes alone, with a viewer already resolved: the query path, not sign-in.
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("actor", {
      kind: "person",
      userId: "bench",
      username: "bench",
      role: "viewer",
      sessionId: "bench",
    });
    await next();
  });
  app.route(
    "/api/devices",
    createDeviceRoutes({
      fleet,
      datto,
      clock,
      udfLabels: { getAll: async () => ({}), replaceAll: async (l) => l },
      software: createSoftwareSearch({ datto, fleet, clock, logger }),
      refresh: createFleetRefresh({ fleet }),
      guard: createGuard({ allowance: createUpstreamAllowance({ clock, perMinute: 1e9 }) }),
    }),
  );

  const hostnames = snapshot.devices.map((d) => d.hostname);
  const users = snapshot.devices.map((d) => d.lastLoggedInUser).filter((u): u is string => !!u);
  const mix = queryMix(
    hostnames,
    users,
    snapshot.sites.map((s) => s.uid),
    devices,
  );

  const engine: number[] = [];
  const engineCpu: number[] = [];
  const route: number[] = [];
  for (const qs of mix) {
    const query = DeviceQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs)));
    let t = performance.now();
    const cpu = process.cpuUsage();
    await fleet.queryDevices(query);
    engine.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    engineCpu.push((used.user + used.system) / 1000);
    t = performance.now();
    const res = await app.request(`http://bench/api/devices?${qs}`);
    (await res.json()) as DeviceListResponse;
    route.push(performance.now() - t);
  }
  engine.sort((a, b) => a - b);
  engineCpu.sort((a, b) => a - b);
  route.sort((a, b) => a - b);
  const softwareRows = extras ? await benchSoftwareSearch({ datto, fleet, clock, logger }) : [];
  const syncedRows = (await options.onSynced?.(fleet)) ?? [];
  await fleet.stop();

  const n = `${QUERIES} queries, mixed filters/sorts/deep offsets`;
  return [
    {
      name: `fleet sync (${k} devices, via gateway + simulator)`,
      value: syncMs / 1000,
      unit: "s",
      note: `${snapshot.sites.length} sites, ${fleet.status().pagesDone} pages`,
    },
    {
      name: "Datto reads per full walk",
      value: walkReads,
      unit: "reads",
      note: "simulator read counter before/after one walk (budget: 450 reads/min shared)",
    },
    {
      name: "heap used after sync",
      value: heapMb,
      unit: "MB",
      note: "index + gateway cache + simulator tenant",
    },
    { name: "device query p50 (engine)", value: percentile(engine, 50), unit: "ms", note: n },
    {
      name: "device query p95 (engine)",
      value: percentile(engine, 95),
      unit: "ms",
      note: "target < 50 ms",
    },
    {
      name: "device query p95 (engine, CPU time)",
      value: percentile(engineCpu, 95),
      unit: "ms",
      note: "this thread's CPU only: what a busy shared machine does not inflate",
    },
    {
      name: "device query p50 (HTTP route, JSON)",
      value: percentile(route, 50),
      unit: "ms",
      note: n,
    },
    {
      name: "device query p95 (HTTP route, JSON)",
      value: percentile(route, 95),
      unit: "ms",
      note: "target < 50 ms",
    },
    {
      name: "device query max (HTTP route)",
      value: route.at(-1)!,
      unit: "ms",
      note: "includes building a sort order once",
    },
    ...(extras ? collationRows(hostnames) : []),
    ...softwareRows,
    ...syncedRows,
  ];
}
