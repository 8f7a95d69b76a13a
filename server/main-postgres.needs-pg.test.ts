import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { runUserCli } from "./cli/user";
import { systemClock } from "./lib/clock";
import { openPostgresStore } from "./store/postgres/open-postgres-store";
import { freePort, startServerProcess, withSchema } from "./testing/server-process";
import { createTestSchema } from "./testing/store/postgres-server-harness";

// Runs only when DATABASE_URL is set (vite.config.ts): real servers on a real PostgreSQL.
const DATABASE_URL = process.env.DATABASE_URL!;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the server on PostgreSQL (DATABASE_URL)", () => {
  it("lets `npm run user` manage the accounts there", async () => {
    const { schema, drop } = await createTestSchema(DATABASE_URL, "rmmd_cli");
    cleanups.push(drop);
    const out: string[] = [];
    const io = {
      env: { DATABASE_URL: withSchema(DATABASE_URL, schema), RMM_DECK_PASSWORD: "a long password" },
      stdin: process.stdin,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
    };
    expect(await runUserCli(["add", "alice", "--role", "admin"], io)).toBe(0);
    expect(await runUserCli(["list"], io)).toBe(0);
    expect(out.join("")).toMatch(/alice\s+admin/);
    const store = await openPostgresStore({
      connectionString: withSchema(DATABASE_URL, schema),
      clock: systemClock,
    });
    try {
      expect((await store.users.findByUsername("alice"))?.role).toBe("admin");
    } finally {
      await store.close();
    }
  });

  it("keeps its state there, and refuses a second server on the database without REDIS_URL", async () => {
    const { schema, drop } = await createTestSchema(DATABASE_URL, "rmmd_main");
    cleanups.push(drop);
    // Each server gets a data folder of its own: the database, not the folder, is what they share.
    const env = () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-pg-"));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      return {
        DATABASE_URL: withSchema(DATABASE_URL, schema),
        DATA_DIR: dataDir,
        DEMO_DEVICES: "20",
      };
    };
    const first = startServerProcess({ ...env(), PORT: String(await freePort()) });
    cleanups.push(() => first.kill());
    const url = await first.listening();

    const second = startServerProcess({ ...env(), PORT: String(await freePort()) });
    cleanups.push(() => second.kill());
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(
      `RMM Deck cannot start.\nAnother RMM Deck is already running on this database (pid ${first.child.pid} on ${os.hostname()}`,
    );
    expect(second.stderr()).toContain("set REDIS_URL on every one of them");
    expect(second.stderr()).not.toMatch(/\n\s+at /);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // The demo accounts were seeded into PostgreSQL: signing in works against it.
    const signIn = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: url },
      body: JSON.stringify({ username: "admin", password: "demo" }),
    });
    expect(signIn.status).toBe(200);
    const client = new pg.Client({ connectionString: withSchema(DATABASE_URL, schema) });
    await client.connect();
    const users = await client.query<{ username: string }>("SELECT username FROM users");
    await client.end();
    expect(users.rows.map((r) => r.username)).toContain("admin");

    first.kill("SIGTERM");
    expect(await first.exited).toBe(0);
  }, 120_000);
});
