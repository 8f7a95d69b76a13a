import type { Proposal } from "../server/contract/proposals";
import { callTool, connectMcp, createAgentToken } from "../server/testing/agent-helpers";
import { createTestApp } from "../server/testing/create-test-app";
import { median, percentile, type BenchRow } from "./table";

const CALLS = 60;

async function timed(times: number, call: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
}

/**
 * Agents (issue 11) on a 5,000-device tenant, in process: an MCP tool call through the SDK's
 * client and the stateless server (one McpServer per request), a proposal from the tool call to
 * the executed quick job, and the audit log's append and verify.
 */
export async function benchAgents(): Promise<BenchRow[]> {
  const t = await createTestApp({ devices: 5_000, seed: 3 });
  try {
    const admin = await t.signIn("admin");
    const approver = await t.signIn("approver");
    const { token } = await createAgentToken(admin);
    const client = await connectMcp(t, token);
    const list = await timed(CALLS, () => client.listTools());
    const devices = await timed(CALLS, () =>
      callTool(client, "datto-list-devices", { query: "srv", limit: 50 }),
    );
    const targets = t.fleet
      .snapshot()
      .devices.filter((d) => d.deviceClass === "device")
      .slice(0, 20);
    let i = 0;
    const loop = await timed(targets.length, async () => {
      const device = targets[i++]!;
      const proposed = await callTool<{ proposalId: string }>(client, "datto-run-quickjob", {
        deviceUid: device.uid,
        jobName: "Flush DNS cache",
        reason: "bench",
      });
      const res = await approver.post(`/api/proposals/${proposed.body.proposalId}/approve`, {});
      if (((await res.json()) as Proposal).state !== "succeeded") throw new Error("not run");
    });
    await client.close();

    for (let n = 0; n < 2_000; n++) {
      await t.store.events.append({
        actor: "bench",
        actorKind: "cli",
        actorId: null,
        kind: "bench.event",
        target: null,
        detail: { n },
      });
    }
    const appends = await timed(500, () =>
      t.store.events.append({
        actor: "bench",
        actorKind: "cli",
        actorId: null,
        kind: "bench.event",
        target: null,
        detail: { n: 1 },
      }),
    );
    const started = performance.now();
    const { checked } = await t.store.events.verifyChain();
    const verifyMs = performance.now() - started;
    return [
      { name: "MCP tools/list, median", value: median(list), unit: "ms" },
      {
        name: "MCP datto-list-devices (5,000 devices), median",
        value: median(devices),
        unit: "ms",
      },
      { name: "MCP datto-list-devices, p95", value: percentile(devices, 95), unit: "ms" },
      {
        name: "propose + approve + quick job sent, median",
        value: median(loop),
        unit: "ms",
        note: "in-process simulator",
      },
      { name: "audit append (hash-chained), median", value: median(appends), unit: "ms" },
      {
        name: "audit verify",
        value: Math.round(checked / (verifyMs / 1000)),
        unit: "events/s",
        note: `${checked} events`,
      },
    ];
  } finally {
    await t.close();
  }
}
