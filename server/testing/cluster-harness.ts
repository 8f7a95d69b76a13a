import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { hashPassword } from "../auth/password";
import { startSimulatorServer, type RunningSimulator } from "../cli/simulator";
import type { Role } from "../contract/roles";
import { systemClock } from "../lib/clock";
import { openPostgresStore } from "../store/postgres/open-postgres-store";
import { freePort, startServerProcess, withSchema, type ServerProcess } from "./server-process";
import { createTestSchema } from "./store/postgres-server-harness";

/**
 * Real server processes on one PostgreSQL schema and one Redis key prefix of their own, against
 * the standalone simulator as a live Datto tenant (the several-instances proofs, issue 13).
 */
export const PASSWORD = "several-instances";

export type Instance = { process: ServerProcess; url: string };

export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

export async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: url },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function roleOf(url: string): Promise<string> {
  try {
    const body = (await (await fetch(`${url}/api/health`)).json()) as {
      instance?: { role: string };
    };
    return body.instance?.role ?? "none";
  } catch {
    return "down";
  }
}

/** A signed-in person's JSON calls to one instance (with the Origin CSRF asks for). */
export function personOn(url: string, cookie: string) {
  const call = (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, {
      method,
      headers: {
        Cookie: cookie,
        Origin: url,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    url,
    get: (route: string) => call("GET", route),
    post: (route: string, body: unknown = {}) => call("POST", route, body),
  };
}

export async function startCluster(options: {
  devices: number;
  people: Array<{ username: string; role: Role }>;
  env?: Record<string, string>;
  cleanups: Array<() => Promise<void> | void>;
  databaseUrl: string;
  redisUrl: string;
}) {
  const { cleanups } = options;
  const sim: RunningSimulator = await startSimulatorServer(
    { port: 0, host: "127.0.0.1" },
    { seed: 13, devices: options.devices, apiKey: "sim-key", apiSecret: "sim-secret" },
  );
  cleanups.push(() => sim.close());
  const { schema, drop } = await createTestSchema(options.databaseUrl, "rmmd_cluster");
  cleanups.push(drop);
  const databaseUrl = withSchema(options.databaseUrl, schema);
  const keyPrefix = `rmmd-cluster-${process.pid}-${randomBytes(3).toString("hex")}:`;
  cleanups.push(async () => {
    const redis = new Redis(options.redisUrl);
    for await (const keys of redis.scanStream({ match: `${keyPrefix}*` }) as AsyncIterable<
      string[]
    >) {
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
  });
  // A live tenant has no demo accounts: the admin creates people first (here, straight in PG).
  const store = await openPostgresStore({ connectionString: databaseUrl, clock: systemClock });
  const passwordHash = await hashPassword(PASSWORD);
  for (const p of options.people) await store.users.create({ ...p, passwordHash });
  await store.close();

  const start = async (): Promise<Instance> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-cluster-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const child = startServerProcess({
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      DATTO_API_URL: sim.url,
      DATTO_API_KEY: "sim-key",
      DATTO_API_SECRET: "sim-secret",
      PERSON_DATTO_REQUESTS_PER_MINUTE: "1000",
      ...options.env,
    });
    cleanups.push(() => child.kill());
    return { process: child, url: await child.listening() };
  };
  return { sim, databaseUrl, start };
}
