import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { throttleLimits } from "../server/auth/login-throttle";
import { systemClock } from "../server/lib/clock";
import type { Repos } from "../server/store/port/store";
import { openSqliteStore } from "../server/store/sqlite/open-sqlite-store";
import { median, type BenchRow } from "./table";

const ROUNDS = 25;
const PER_ROUND = 4_000;

/**
 * Median over ROUNDS of the mean CPU µs per call within a round of `perRound` calls. CPU time,
 * not wall time: it holds still on a busy machine (docs/decisions/0005-request-overhead.md).
 */
async function perCall(call: () => Promise<unknown>, perRound = PER_ROUND): Promise<number> {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = process.cpuUsage();
    for (let i = 0; i < perRound; i++) await call();
    const used = process.cpuUsage(started);
    rounds.push((used.user + used.system) / perRound);
  }
  return median(rounds);
}

const USER = { username: "bench", role: "technician", passwordHash: "h" } as const;

/**
 * What the store costs the requests that use it (docs/decisions/0009): every request looks up
 * its session and its user, from the read cache (the uncached row shows what the cache saves: the
 * same two lookups inside a transaction, where the cache is bypassed); device pages read the UDF
 * labels; a busy session is touched once a minute; a sign-in reserves and settles its attempt in
 * two write transactions; the software crawl stores one device's list per read.
 */
export async function benchStore(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-bench-store-"));
  const store = await openSqliteStore({ dataDir, clock: systemClock });
  try {
    const userId = (await store.users.create(USER)).id;
    await store.sessions.create({ idHash: "bench", userId, createdAt: 1, lastSeenAt: 1 });
    const lookup = async (repos: Repos = store) => {
      await repos.sessions.find("bench");
      await repos.users.findById(userId);
    };
    const cached = await perCall(() => lookup());
    const uncached = await store.transaction((tx) => perCall(() => lookup(tx)));
    await store.udfLabels.replaceAll({ udf1: "Owner", udf2: "Contract", udf3: "Site code" });
    const labels = await perCall(() => store.udfLabels.getAll());
    const touch = await perCall(() => store.sessions.touch("bench", Date.now()));

    // A different name and address each time, so no key ever fills up and locks.
    let attempt = 0;
    const signIn = await perCall(async () => {
      attempt += 1;
      const limits = throttleLimits(
        `user${attempt}`,
        `10.${attempt >> 16}.${(attempt >> 8) & 255}.${attempt & 255}`,
      );
      const now = Date.now();
      const reserved = await store.loginAttempts.reserve({ limits, now, expiresAt: now + 30_000 });
      if (!reserved.ok) throw new Error("the bench's attempt was throttled");
      await store.loginAttempts.settleSucceeded(reserved.attemptId, {
        clearKeys: [limits[0]!.key],
      });
    }, 200);
    const items = Array.from({ length: 100 }, (_, i) => ({ name: `App ${i}`, version: "1.0" }));
    let device = 0;
    const softwarePut = await perCall(
      () => store.softwareCatalog.put(`device-${device++}`, items, Date.now()),
      100,
    );
    return [
      { name: "session + user lookup (cached)", value: cached, unit: "µs" },
      { name: "session + user lookup, uncached", value: uncached, unit: "µs" },
      { name: "UDF labels (device page, cached)", value: labels, unit: "µs" },
      { name: "session touch (one write)", value: touch, unit: "µs" },
      { name: "sign-in throttle: reserve + settle", value: signIn, unit: "µs" },
      {
        name: "software list stored (100 titles)",
        value: softwarePut,
        unit: "µs",
        note: "one per device the software crawl reads",
      },
    ];
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
