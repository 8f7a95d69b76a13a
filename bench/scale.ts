import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DattoApi } from "../server/datto/api/create-datto-api";
import { createFleetIndex } from "../server/fleet/fleet-index";
import { systemClock } from "../server/lib/clock";
import { createLogger } from "../server/lib/logger";
import { openSqliteStore } from "../server/store/sqlite/open-sqlite-store";
import { benchFleet } from "./fleet";
import type { BenchRow } from "./table";

/** Issue 13's fleet: 200,000 devices (BENCH_SCALE_DEVICES to change it). */
const DEVICES = Number(process.env.BENCH_SCALE_DEVICES ?? 200_000);
/** The default read budget and the background share of it (rate-budget.ts). */
const READS_PER_MINUTE = 450;
const BACKGROUND_SHARE = 0.8;

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
};

/**
 * `npm run bench scale`: the fleet section at 200,000 devices, plus what several instances add:
 * the leader stores the walk's snapshot, a follower loads it into an index of its own (its time,
 * and the heap that index takes: the memory each instance needs for the fleet), and how long a
 * full walk takes inside the background share of the read budget. Run with
 * `node --expose-gc --import tsx bench/run.ts scale` for exact heap figures.
 */
export async function benchScale(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-bench-scale-"));
  const clock = systemClock;
  const store = await openSqliteStore({ dataDir, clock });
  try {
    const rows = await benchFleet(DEVICES, {
      extras: false,
      snapshots: store.fleetSnapshots,
      onSynced: async () => {
        const stored = await store.fleetSnapshots.load();
        const before = heapMb();
        const follower = createFleetIndex({
          datto: null as unknown as DattoApi, // a follower never walks
          clock,
          logger: createLogger({ level: "warn" }),
          snapshots: store.fleetSnapshots,
        });
        const started = performance.now();
        const loaded = await follower.loadStored();
        const loadMs = performance.now() - started;
        if (!loaded) throw new Error("the follower did not load the stored snapshot");
        const t = performance.now();
        const cpu = process.cpuUsage();
        await follower.queryDevices({ sort: "lastSeen", dir: "desc", limit: 100 });
        const firstQueryMs = performance.now() - t;
        const used = process.cpuUsage(cpu);
        const firstQueryCpuMs = (used.user + used.system) / 1000;
        const indexMb = heapMb() - before;
        return [
          {
            name: "stored snapshot size",
            value: (stored?.payload.length ?? 0) / 1_048_576,
            unit: "MB",
            note: "what the leader writes to the database after each walk",
          },
          {
            name: "follower: load the stored snapshot",
            value: loadMs / 1000,
            unit: "s",
            note: "read + decode + index, off the request path",
          },
          {
            name: "follower: first sorted query after loading",
            value: firstQueryMs,
            unit: "ms",
            note: "builds that sort order once (ranks, then a counting sort)",
          },
          {
            name: "follower: first sorted query, CPU time",
            value: firstQueryCpuMs,
            unit: "ms",
            note: "this process's CPU: what the neighbours on a shared machine do not inflate",
          },
          {
            name: "follower: heap of its fleet index",
            value: indexMb,
            unit: "MB",
            note: globalThis.gc
              ? "memory per instance for the fleet index (plan ~150 MB more for Node and caches)"
              : "approximate: run with --expose-gc",
          },
        ];
      },
    });
    const walkReads = rows.find((r) => r.name === "Datto reads per full walk")?.value ?? NaN;
    return [
      ...rows,
      {
        name: "full walk inside the background share",
        value: walkReads / (READS_PER_MINUTE * BACKGROUND_SHARE),
        unit: "min",
        note: `${walkReads} reads at ${READS_PER_MINUTE * BACKGROUND_SHARE}/min (80% of ${READS_PER_MINUTE}); the status shows progress in devices`,
      },
      {
        name: "bench process RSS at the end",
        value: process.memoryUsage().rss / 1_048_576,
        unit: "MB",
        note: "includes the simulated tenant and the gateway cache: an upper bound",
      },
    ];
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
