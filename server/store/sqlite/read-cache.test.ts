import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import type { Store } from "../store";
import { createSqliteStore } from "./create-sqlite-store";
import { openDatabase } from "./open-database";
import { createReadCache } from "./read-cache";

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** The server's store and a second one on the same file, as the `user` CLI opens it. */
function twoConnections(): { server: Store; cli: Store; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-cache-"));
  const clock = createManualClock();
  const server = createSqliteStore({ dataDir, clock });
  const cli = createSqliteStore({ dataDir, clock });
  cleanups.push(() => {
    server.close();
    cli.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { server, cli, dataDir };
}

describe("cached session and user reads", () => {
  it("see a change committed by another connection on the next read", () => {
    const { server, cli } = twoConnections();
    const user = server.users.create({ username: "ann", role: "technician", passwordHash: "h" });
    server.sessions.create({ idHash: "s1", userId: user.id, createdAt: 1, lastSeenAt: 1 });
    expect(server.users.findById(user.id)?.disabled).toBe(false);
    expect(server.sessions.find("s1")).not.toBeNull();

    cli.users.update(user.id, { disabled: true, role: "viewer" });
    cli.sessions.revoke("s1");

    expect(server.users.findById(user.id)).toMatchObject({ disabled: true, role: "viewer" });
    expect(server.sessions.find("s1")).toBeNull();
  });

  it("see this connection's own writes at once", () => {
    const { server } = twoConnections();
    const user = server.users.create({ username: "bob", role: "viewer", passwordHash: "h" });
    server.sessions.create({ idHash: "s2", userId: user.id, createdAt: 1, lastSeenAt: 1 });
    expect(server.sessions.find("s2")?.lastSeenAt).toBe(1);
    expect(server.users.findById(user.id)?.role).toBe("viewer");

    server.sessions.touch("s2", 99);
    server.users.update(user.id, { role: "admin" });
    expect(server.sessions.find("s2")?.lastSeenAt).toBe(99);
    expect(server.users.findById(user.id)?.role).toBe("admin");

    server.sessions.revokeAllForUser(user.id);
    expect(server.sessions.find("s2")).toBeNull();
  });

  it("hands out copies, and keeps nothing read inside a transaction", () => {
    const { dataDir } = twoConnections();
    const db = openDatabase(dataDir);
    cleanups.unshift(() => db.close());
    const cache = createReadCache<{ n: number }>(db);
    let loads = 0;
    const load = () => ({ n: ++loads });

    const first = cache.get("k", load)!;
    first.n = 42;
    expect(cache.get("k", load)).toEqual({ n: 1 });

    cache.clear();
    db.transaction(() => cache.get("k", load))();
    expect(cache.get("k", load)).toEqual({ n: 3 });
    expect(loads).toBe(3);
  });
});
