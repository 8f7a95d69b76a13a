import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "./lib/clock";
import { INSTANCE_LEASE } from "./store/instance-lock";
import { openSqliteStore } from "./store/sqlite/open-sqlite-store";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function occupyPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : 0, server });
    });
  });
}

async function freePort(): Promise<number> {
  const { port, server } = await occupyPort();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const tempDataDir = () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rmm-deck-main-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
};

type Started = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
};

/** Runs the real entry (`tsx server/main.ts`) and collects what a person would see. */
function startServer(env: Record<string, string>, dataDir = tempDataDir()): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO_DEVICES: "20",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => child.kill("SIGKILL"));
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves once the server says where it listens; rejects if it exits first. */
async function listening(server: Started): Promise<string> {
  for (;;) {
    const url = /RMM Deck \(demo tenant\) at (\S+)/.exec(server.stdout())?.[1];
    if (url) return url;
    const code = await Promise.race([
      server.exited,
      new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), 50)),
    ]);
    if (code !== "waiting") throw new Error(`exited with ${code}: ${server.stderr()}`);
  }
}

describe("starting the server", () => {
  it("says plainly that the port is taken, without a stack trace", async () => {
    const { port, server } = await occupyPort();
    cleanups.push(() => server.close());
    const started = startServer({ PORT: String(port) });
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(started.stderr()).toContain("set PORT to a free port");
    expect(started.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("refuses a second server on the same data folder, and starts again once the first has died", async () => {
    const dataDir = tempDataDir();
    const first = startServer({ PORT: String(await freePort()) }, dataDir);
    const url = await listening(first);

    const second = startServer({ PORT: String(await freePort()) }, dataDir);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(
      `RMM Deck cannot start.\nAnother RMM Deck is already running on this data folder (pid ${first.child.pid} on ${os.hostname()}`,
    );
    expect(second.stderr()).toContain("give this one another DATA_DIR");
    expect(second.stderr()).not.toMatch(/\n\s+at /);
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // A crash leaves its claim behind; a start on the same host sees its holder is gone.
    first.child.kill("SIGKILL");
    await first.exited;
    const third = startServer({ PORT: String(await freePort()) }, dataDir);
    await listening(third);

    // A clean stop gives the claim back: another host could take it at once.
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
    const store = await openSqliteStore({ dataDir, clock: systemClock });
    try {
      const other = { id: "other", pid: 1, host: "another-host" };
      expect(
        await store.instanceLock.acquire({
          name: INSTANCE_LEASE.name,
          holder: other,
          now: Date.now(),
          ttlMs: 1_000,
        }),
      ).toEqual({ acquired: true });
    } finally {
      await store.close();
    }
  }, 120_000);
});
