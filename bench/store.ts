import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { systemClock } from "../server/lib/clock";
import type { Repos } from "../server/store/port/store";
import { createSqliteStore } from "../server/store/sqlite/create-sqlite-store";
import { openSqliteStore } from "../server/store/sqlite/open-sqlite-store";
import { median, type BenchRow } from "./table";

const ROUNDS = 25;
const PER_ROUND = 4_000;

/**
 * Median over ROUNDS of the mean CPU µs per call within a round of PER_ROUND calls. CPU time, not
 * wall time: it holds still on a busy machine (docs/decisions/0005-request-overhead.md).
 */
async function perCall(call: () => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = process.cpuUsage();
    for (let i = 0; i < PER_ROUND; i++) {
      const pending = call();
      if (pending instanceof Promise) await pending;
    }
    const used = process.cpuUsage(started);
    rounds.push((used.user + used.system) / PER_ROUND);
  }
  return median(rounds);
}

const USER = { username: "bench", role: "technician", passwordHash: "h" } as const;
const session = (userId: string) => ({ idHash: "bench", userId, createdAt: 1, lastSeenAt: 1 });

/**
 * What every request pays the store: its session and its user looked up, through the synchronous
 * store (still wired in) and the async one that replaces it (docs/decisions/0009). Both answer
 * from their read cache; the uncached row shows what the cache saves (the same two lookups inside
 * a transaction, where the cache is bypassed: a Kysely-built query each). Device pages also read
 * the UDF labels, which only the async store caches.
 */
export async function benchStore(): Promise<BenchRow[]> {
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-bench-store-")));
  const sync = createSqliteStore({ dataDir: dirs[0]!, clock: systemClock });
  const async = await openSqliteStore({ dataDir: dirs[1]!, clock: systemClock });
  try {
    const syncUser = sync.users.create(USER).id;
    sync.sessions.create(session(syncUser));
    const asyncUser = (await async.users.create(USER)).id;
    await async.sessions.create(session(asyncUser));
    const syncLookup = () => {
      sync.sessions.find("bench");
      sync.users.findById(syncUser);
    };
    const asyncLookup = async (repos: Repos = async) => {
      await repos.sessions.find("bench");
      await repos.users.findById(asyncUser);
    };
    // Alternate the two, so that load on the machine weighs on both alike.
    const syncTimes: number[] = [];
    const asyncTimes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      syncTimes.push(await perCall(syncLookup));
      asyncTimes.push(await perCall(() => asyncLookup()));
    }
    const uncached = await async.transaction((tx) => perCall(() => asyncLookup(tx)));
    const labels = { udf1: "Owner", udf2: "Contract", udf3: "Site code" };
    sync.udfLabels.replaceAll(labels);
    await async.udfLabels.replaceAll(labels);
    const syncLabels = await perCall(() => sync.udfLabels.getAll());
    const asyncLabels = await perCall(() => async.udfLabels.getAll());
    const syncTouch = await perCall(() => sync.sessions.touch("bench", Date.now()));
    const asyncTouch = await perCall(() => async.sessions.touch("bench", Date.now()));
    return [
      { name: "session + user lookup, sync store (cached)", value: median(syncTimes), unit: "µs" },
      {
        name: "session + user lookup, async store (cached)",
        value: median(asyncTimes),
        unit: "µs",
      },
      { name: "session + user lookup, async store, uncached", value: uncached, unit: "µs" },
      { name: "UDF labels (device page), sync store (uncached)", value: syncLabels, unit: "µs" },
      { name: "UDF labels (device page), async store (cached)", value: asyncLabels, unit: "µs" },
      { name: "session touch (one write), sync store", value: syncTouch, unit: "µs" },
      { name: "session touch (one write), async store", value: asyncTouch, unit: "µs" },
    ];
  } finally {
    sync.close();
    await async.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
