import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../store/sqlite/open-database";
import { createTestApp } from "../testing/create-test-app";
import { ALL_READ_WRITE } from "../testing/agent-helpers";
import { singleProcessEnv } from "../testing/single-process-env";

/** `npm run audit:verify` over a real data folder, before and after someone edits the database file. */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function verify(dataDir: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts", "audit-verify"], {
    env: singleProcessEnv({ DATA_DIR: dataDir }),
    encoding: "utf8",
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** A data folder whose log holds sign-ins, a token, a policy and the kill switch. */
async function auditedDataDir(): Promise<{ dataDir: string; ids: number[] }> {
  const t = await createTestApp({ syncFleet: false });
  dirs.push(t.dataDir);
  const admin = await t.signIn("admin");
  await admin.post("/api/agent-tokens", { name: "bot", groups: ALL_READ_WRITE });
  await admin.put("/api/settings/tool-policies/datto-run-quickjob", { policy: "disabled" });
  await admin.put("/api/settings/writes-paused", { paused: true });
  const ids = (await t.store.events.list({ limit: 100 })).map((e) => e.id).reverse();
  await t.close({ keepDataDir: true });
  return { dataDir: t.dataDir, ids };
}

describe("npm run audit:verify", { timeout: 60_000 }, () => {
  it("passes an untouched log, and the database refuses UPDATE and DELETE on it", async () => {
    const { dataDir, ids } = await auditedDataDir();
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const ok = verify(dataDir);
    expect(ok.out).toMatch(new RegExp(`intact: ${ids.length} event`));
    expect(ok.code).toBe(0);
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      expect(() =>
        db.prepare("UPDATE events SET actor = 'someone else' WHERE id = ?").run(ids[1]),
      ).toThrow(/append-only/);
      expect(() => db.prepare("DELETE FROM events WHERE id = ?").run(ids[1])).toThrow(
        /append-only/,
      );
    } finally {
      db.close();
    }
  });

  it("names the row that was changed in the database file", async () => {
    const { dataDir, ids } = await auditedDataDir();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare(`UPDATE events SET detail = '{"policy":"auto"}' WHERE id = ?`).run(ids[2]);
    db.close();
    const broken = verify(dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`BROKEN at event ${ids[2]}: its content does not match`));
    expect(broken.out).toMatch(/was changed/);
  });

  it("names the row after one that was deleted", async () => {
    const { dataDir, ids } = await auditedDataDir();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.exec("DROP TRIGGER audit_log_no_delete");
    db.prepare("DELETE FROM events WHERE id = ?").run(ids[1]);
    db.close();
    const broken = verify(dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`BROKEN at event ${ids[2]}: .*removed or inserted`));
  });

  it("names a row slipped in without a hash", async () => {
    const { dataDir, ids } = await auditedDataDir();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare("INSERT INTO events (at, actor, kind) VALUES (?, 'intruder', 'user.created')").run(
      Date.now(),
    );
    const slipped = (db.prepare("SELECT max(id) AS id FROM events").get() as { id: number }).id;
    db.close();
    expect(slipped).toBeGreaterThan(ids.at(-1)!);
    const broken = verify(dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`BROKEN at event ${slipped}: it has no hash`));
  });
});
