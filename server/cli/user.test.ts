import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { systemClock } from "../lib/clock";
import type { Store } from "../store/port/store";
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";
import { runUserCli } from "./user";

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

function setup(extraEnv: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-cli-"));
  dirs.push(dataDir);
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const env = { DATA_DIR: dataDir, RMM_DECK_PASSWORD: "a long password", ...extraEnv };
  const run = (...argv: string[]) =>
    runUserCli(argv, {
      env,
      stdin,
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    });
  /** Looks into the database as another process would, between CLI runs. */
  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openSqliteStore({ dataDir, clock: systemClock });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };
  return {
    run,
    env,
    stdin,
    out,
    err,
    withStore,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

describe("npm run user", () => {
  it("adds a user with the password from RMM_DECK_PASSWORD, and lists it", async () => {
    const t = setup();
    expect(await t.run("add", "alice", "--role", "admin")).toBe(0);
    expect(t.stdout()).toContain("Created alice (admin).");
    const alice = (await t.withStore((s) => s.users.findByUsername("alice")))!;
    expect(alice.role).toBe("admin");
    expect(await verifyPassword("a long password", alice.passwordHash)).toBe(true);
    expect((await t.withStore((s) => s.events.list({ limit: 1 })))[0]).toMatchObject({
      actor: "cli",
      actorKind: "cli",
      actorId: null,
      kind: "user.created",
      target: "alice",
    });

    expect(await t.run("list")).toBe(0);
    expect(t.stdout()).toMatch(
      /USERNAME\s+ROLE\s+STATUS\s+LAST SIGN-IN\nalice\s+admin\s+active\s+never/,
    );
  });

  it("changes a role, and refuses to demote the last admin", async () => {
    const t = setup();
    await t.run("add", "alice", "--role", "admin");
    await t.run("add", "bob", "--role", "viewer");
    expect(await t.run("set-role", "bob", "approver")).toBe(0);
    expect((await t.withStore((s) => s.users.findByUsername("bob")))?.role).toBe("approver");
    expect(await t.run("set-role", "alice", "viewer")).toBe(1);
    expect(t.stderr()).toContain("alice is the only active admin");
    expect((await t.withStore((s) => s.users.findByUsername("alice")))?.role).toBe("admin");
  });

  it("disables and enables a user, ending their sessions", async () => {
    const t = setup();
    await t.run("add", "alice", "--role", "admin");
    await t.run("add", "bob", "--role", "viewer");
    await t.withStore(async (s) => {
      const bob = (await s.users.findByUsername("bob"))!;
      await s.sessions.create({ idHash: "h", userId: bob.id, createdAt: 1, lastSeenAt: 1 });
    });
    expect(await t.run("disable", "bob")).toBe(0);
    expect(
      await t.withStore(async (s) => [
        (await s.users.findByUsername("bob"))?.disabled,
        await s.sessions.find("h"),
      ]),
    ).toEqual([true, null]);
    expect(await t.run("enable", "bob")).toBe(0);
    expect((await t.withStore((s) => s.users.findByUsername("bob")))?.disabled).toBe(false);
  });

  it("resets a password", async () => {
    const t = setup();
    await t.run("add", "alice", "--role", "admin");
    t.env.RMM_DECK_PASSWORD = "another long one";
    expect(await t.run("reset-password", "alice")).toBe(0);
    const alice = (await t.withStore((s) => s.users.findByUsername("alice")))!;
    expect(await verifyPassword("another long one", alice.passwordHash)).toBe(true);
  });

  it("fails clearly on an unknown role, a taken name, a weak password and an unknown user", async () => {
    const t = setup();
    expect(await t.run("add", "alice", "--role", "overlord")).toBe(1);
    expect(t.stderr()).toContain(
      'Unknown role "overlord". Roles: viewer, technician, approver, admin.',
    );
    expect(await t.run("add", "alice", "--role", "admin")).toBe(0);
    expect(await t.run("add", "ALICE", "--role", "viewer")).toBe(1);
    expect(t.stderr()).toContain("The username alice is taken.");
    t.env.RMM_DECK_PASSWORD = "short";
    expect(await t.run("add", "bob", "--role", "viewer")).toBe(1);
    expect(t.stderr()).toContain("Passwords need at least 8 characters.");
    expect(await t.run("set-role", "nobody", "admin")).toBe(1);
    expect(t.stderr()).toContain("No user named nobody");
    expect(await t.run("frobnicate")).toBe(1);
    expect(t.stderr()).toContain('Unknown command "frobnicate"');
    expect((await t.withStore((s) => s.users.list())).map((u) => u.username)).toEqual(["alice"]);
  });

  it("asks for the password twice on the terminal without echoing it", async () => {
    const t = setup();
    delete (t.env as Record<string, string | undefined>).RMM_DECK_PASSWORD;
    const done = t.run("add", "carol", "--role", "technician");
    t.stdin.write("typed secreX\u007ft\r\ntyped secret\r");
    expect(await done).toBe(0);
    expect(t.stdout()).not.toContain("typed secret");
    const carol = (await t.withStore((s) => s.users.findByUsername("carol")))!;
    expect(await verifyPassword("typed secret", carol.passwordHash)).toBe(true);
  });

  it("refuses when the two typed passwords differ", async () => {
    const t = setup();
    delete (t.env as Record<string, string | undefined>).RMM_DECK_PASSWORD;
    const done = t.run("add", "carol", "--role", "technician");
    t.stdin.write("typed secret\rtyped secreT\r");
    expect(await done).toBe(1);
    expect(t.stderr()).toContain("The two passwords differ");
  });
});
