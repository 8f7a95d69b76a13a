import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../lib/clock";
import { acquireInstanceLock, InstanceLockedError } from "../instance-lock";
import type { Store } from "../port/store";
import { openSqliteStore } from "./open-sqlite-store";

const CHILD = fileURLToPath(new URL("../../testing/store/store-race-child.ts", import.meta.url));

type Child = { process: ChildProcessWithoutNullStreams; next(): Promise<string> };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ dataDir: string; store: Store }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-procs-"));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const store = await openSqliteStore({ dataDir, clock: systemClock });
  cleanups.push(() => store.close());
  return { dataDir, store };
}

/** Starts store-race-child.ts and resolves once it has opened the store. */
async function startChild(dataDir: string, ...args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dataDir, ...args]);
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`The child process ended early: ${stderr}`);
    return line.value;
  };
  expect(await next()).toBe("ready");
  return { process: child, next };
}

/** Lets every child go at the same moment and collects their JSON outcomes. */
async function race(children: Child[]): Promise<unknown[]> {
  for (const child of children) child.process.stdin.write("go\n");
  return Promise.all(children.map(async (c) => JSON.parse(await c.next()) as unknown));
}

describe("two processes on one SQLite database", { timeout: 60_000 }, () => {
  it("never remove the last enabled admin, however their changes interleave", async () => {
    const { dataDir, store } = await setup();
    for (let i = 0; i < 8; i++) {
      await store.users.create({ username: `admin${i}`, role: "admin", passwordHash: "h" });
    }
    const children = await Promise.all([
      startChild(dataDir, "remove-admins", "forward", "demote"),
      startChild(dataDir, "remove-admins", "reverse", "disable"),
    ]);
    const outcomes = (await race(children)).flat() as string[];
    expect(outcomes.filter((o) => o === "removed")).toHaveLength(7);
    expect(outcomes).toContain("last_admin");
    expect(await store.users.countActiveAdmins()).toBe(1);
  });

  it("never reserve more sign-in attempts for one name than its limit", async () => {
    const { dataDir, store } = await setup();
    const children = await Promise.all([
      startChild(dataDir, "reserve", "12", "alice"),
      startChild(dataDir, "reserve", "12", "alice"),
    ]);
    const [first, second] = (await race(children)) as number[];
    expect(first! + second!).toBe(5);
    const fromHere = await store.loginAttempts.reserve({
      limits: [{ key: "user:alice", maxFailures: 5, windowMs: 60_000 }],
      now: Date.now(),
      expiresAt: Date.now() + 1000,
    });
    expect(fromHere.ok).toBe(false);
  });

  it("refuse a second console while the first runs, and not after it was killed", async () => {
    const { dataDir, store } = await setup();
    const holder = await startChild(dataDir, "lock");
    expect(await race([holder])).toEqual(["locked"]);
    const start = () => acquireInstanceLock({ store, clock: systemClock, onLost: () => {} });
    const refusal = await start().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InstanceLockedError);
    expect((refusal as Error).message).toContain(`pid ${holder.process.pid} on ${os.hostname()}`);

    holder.process.kill("SIGKILL");
    await once(holder.process, "exit");
    // Died on this host: its pid is gone, so the lease is taken over without waiting for it to lapse.
    const lock = await start();
    await lock.release();
  });
});
