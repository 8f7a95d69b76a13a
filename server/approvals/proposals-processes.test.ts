import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulator } from "../datto/simulator/create-simulator";
import { COMPONENTS } from "../datto/simulator/components-catalog";
import { systemClock } from "../lib/clock";
import type { Store } from "../store/port/store";
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";
import { settlePuts } from "../testing/agent-helpers";
import { createTestApp } from "../testing/create-test-app";
import { proposalDigest } from "./proposal-digest";

/**
 * Exactly one execution across processes and crashes (issue 11): server processes on one SQLite
 * database, each with its own gateway, against one simulated Datto served over HTTP.
 */
const CHILD = fileURLToPath(new URL("../testing/proposal-race-child.ts", import.meta.url));
const PUT = "PUT /v2/device/{deviceUid}/quickjob";

type Child = { process: ChildProcessWithoutNullStreams; next(): Promise<string> };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rmm-deck-proposals-"));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // The tenant createTestApp builds by default (seed 1, 60 devices): a restart finds the device.
  const sim = createSimulator({ seed: 1, devices: 60, clock: systemClock });
  const server = serve({ fetch: sim.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const store = await openSqliteStore({ dataDir, clock: systemClock });
  cleanups.push(() => store.close());
  const device = sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
  const id = await pendingProposal(store, device.uid);
  return { dataDir, sim, baseUrl, store, id, deviceUid: device.uid };
}

async function pendingProposal(store: Store, deviceUid: string): Promise<string> {
  const now = Date.now();
  const component = COMPONENTS.find((c) => c.name === "Flush DNS cache")!;
  const token = await store.agentTokens.create({
    id: "token-1",
    name: "triage-bot",
    tokenHash: "h",
    hint: "rmmd_agent_xxxx",
    groups: {
      sites: "read-only",
      devices: "read-only",
      audit: "read-only",
      alerts: "read-write",
      jobs: "read-write",
    },
    testMode: false,
    createdAt: now,
    createdBy: "admin",
    expiresAt: null,
  });
  const payload = {
    action: "run-quickjob" as const,
    deviceUid,
    componentUid: component.uid,
    componentName: component.name,
    variables: {},
  };
  const { proposal } = await store.proposals.createOrMerge(
    {
      id: "proposal-1",
      tool: "datto-run-quickjob",
      tokenId: token.id,
      agentName: token.name,
      reason: "test",
      risks: [],
      payload,
      digest: proposalDigest("datto-run-quickjob", payload),
      context: { device: null, component: null, alert: null },
      testMode: false,
      createdAt: now,
      expiresAt: now + 3_600_000,
      state: "pending",
    },
    now,
  );
  return proposal.id;
}

async function startChild(
  dataDir: string,
  baseUrl: string,
  id: string,
  calls: number,
): Promise<Child> {
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    CHILD,
    dataDir,
    baseUrl,
    id,
    String(calls),
  ]);
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

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const giveUpAt = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("one proposal, several server processes", { timeout: 90_000 }, () => {
  it("runs exactly once under 100 concurrent approve and execute calls from two processes", async () => {
    const { dataDir, sim, baseUrl, store, id } = await setup();
    const children = [
      await startChild(dataDir, baseUrl, id, 50),
      await startChild(dataDir, baseUrl, id, 50),
    ];
    for (const child of children) child.process.stdin.write("go\n");
    const outcomes = await Promise.all(
      children.map(async (c) => JSON.parse(await c.next()) as { approvalsWon: number }),
    );
    expect(outcomes.reduce((n, o) => n + o.approvalsWon, 0)).toBe(1);
    expect(sim.control.counters().byRoute[PUT]).toBe(1);
    expect((await store.proposals.find(id))?.state).toBe("succeeded");
    const executing = await store.events.list({ limit: 50, kind: "proposal.executing" });
    expect(executing).toHaveLength(1);
  });

  it("never sends again after a crash (kill -9) while the job was being sent", async () => {
    const { dataDir, sim, baseUrl, store, id } = await setup();
    // Datto takes the job and never answers: the process dies with the request in flight.
    sim.control.failNextQuickJobs(1, "timeout");
    const child = await startChild(dataDir, baseUrl, id, 1);
    child.process.stdin.write("go\n");
    await until(async () => (await store.proposals.find(id))?.state === "executing");
    await until(async () => (sim.control.counters().byRoute[PUT] ?? 0) === 1);
    child.process.kill("SIGKILL");

    const t = await createTestApp({ dataDir, syncFleet: false });
    cleanups.push(() => t.close());
    const after = await t.store.proposals.find(id);
    expect(after?.state).toBe("outcome_unknown");
    expect(after?.error).toMatch(/may or may not have run/);
    await t.services.proposalWorker.tick();
    expect((await t.services.proposals.execute(id))?.state).toBe("outcome_unknown");
    expect(sim.control.counters().byRoute[PUT]).toBe(1);
  });

  it("runs once after a crash between the approval and the execution", async () => {
    const { dataDir, store, id } = await setup();
    // Approved, then the process died before it started executing.
    const p = (await store.proposals.find(id))!;
    expect(
      await store.proposals.transition(
        id,
        ["pending"],
        "approved",
        { decidedBy: "approver", decidedAt: Date.now() },
        { digest: p.digest },
      ),
    ).toBe(true);
    const t = await createTestApp({ dataDir });
    cleanups.push(() => t.close());
    await t.settle(
      Promise.all([t.services.proposalWorker.tick(), t.services.proposals.execute(id)]),
    );
    expect((await t.store.proposals.find(id))?.state).toBe("succeeded");
    expect(await settlePuts(t, 1)).toBe(1);
  });
});
