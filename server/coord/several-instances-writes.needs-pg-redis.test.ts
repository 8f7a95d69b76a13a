import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { COMPONENTS } from "../datto/simulator/components-catalog";
import { systemClock } from "../lib/clock";
import type { StoredJobTarget } from "../store/port/job-run-repo";
import { openPostgresStore } from "../store/postgres/open-postgres-store";
import {
  personOn,
  roleOf,
  signIn,
  startCluster,
  until,
  type Instance,
} from "../testing/cluster-harness";

// Runs only when DATABASE_URL and REDIS_URL are set (vite.config.ts). Writes with three instances
// (decision 0030): one quick job for 100 approvals spread over them, walls and agents on each, a
// restart that leaves another instance's dispatch alone, and a kill -9 of the leader mid-dispatch.
const DEVICES = 60;
// Five quick jobs a minute: a run of eight sends what the budget allows, then waits for a slot,
// long enough to restart an instance and to kill the dispatching one.
const WRITES_PER_MINUTE = 5;
const PUT = "PUT /v2/device/{deviceUid}/quickjob";
const RESULTS = "GET /v2/job/{jobUid}/results/{deviceUid}";
const FLUSH_DNS = COMPONENTS.find((c) => c.name === "Flush DNS cache")!;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const SENT = ["Pending", "Running", "Success", "Failure", "Warning", "Expired"];

describe("three instances write to Datto as one", () => {
  it("make one quick job for 100 approvals, and settle a dead instance's dispatch truthfully", async () => {
    const cluster = await startCluster({
      devices: DEVICES,
      people: [
        { username: "adm", role: "admin" },
        { username: "ap0", role: "approver" },
        { username: "ap1", role: "approver" },
        { username: "ap2", role: "approver" },
        { username: "tec", role: "technician" },
      ],
      env: {
        READ_BUDGET_PER_MINUTE: "300",
        WRITE_BUDGET_PER_OPERATION_PER_MINUTE: String(WRITES_PER_MINUTE),
      },
      cleanups,
      databaseUrl: process.env.DATABASE_URL!,
      redisUrl: process.env.REDIS_URL!,
    });
    const { sim } = cluster;
    const counters = () => sim.simulator.control.counters();
    const instances: Instance[] = await Promise.all([
      cluster.start(),
      cluster.start(),
      cluster.start(),
    ]);
    const store = await openPostgresStore({
      connectionString: cluster.databaseUrl,
      clock: systemClock,
    });
    cleanups.push(() => store.close());
    const roles = await until("one leader", 20_000, async () => {
      const now = await Promise.all(instances.map((i) => roleOf(i.url)));
      return now.filter((r) => r === "leader").length === 1 ? now : null;
    });
    const leader = instances[roles.indexOf("leader")]!;
    const followers = instances.filter((i) => i !== leader);
    const people = await Promise.all(
      instances.map(async (i, n) => personOn(i.url, await signIn(i.url, `ap${n}`))),
    );
    await until("every instance to serve the fleet", 45_000, async () => {
      const totals = await Promise.all(
        people.map(async (p) => {
          const r = await p.get("/api/devices?limit=1");
          return r.ok ? ((await r.json()) as { total: number }).total : -1;
        }),
      );
      return totals.every((t) => t === DEVICES) ? true : null;
    });

    // "Refresh now" on one instance: every instance serves the row it read, without reading it.
    const changed = sim.simulator.tenant.listDevices()[DEVICES - 1]!;
    sim.simulator.control.setDeviceOnline(changed.uid, !changed.online);
    const onlineOn = async (p: (typeof people)[number]) => {
      const r = await p.get(`/api/devices?q=${encodeURIComponent(changed.hostname)}&limit=5`);
      const rows = ((await r.json()) as { rows: Array<{ uid: string; online: boolean }> }).rows;
      return rows.find((d) => d.uid === changed.uid)?.online;
    };
    expect(await onlineOn(people[1]!)).toBe(changed.online);
    const deviceReads = counters().byRoute["GET /v2/device/{deviceUid}"] ?? 0;
    expect((await people[0]!.post(`/api/devices/${changed.uid}/refresh`)).status).toBe(200);
    await until("the refreshed row on every instance", 5_000, async () =>
      (await Promise.all(people.map(onlineOn))).every((o) => o === !changed.online) ? true : null,
    );
    expect((counters().byRoute["GET /v2/device/{deviceUid}"] ?? 0) - deviceReads).toBe(1);

    // An agent and a wall, each one token, served by every instance.
    const admin = personOn(instances[0]!.url, await signIn(instances[0]!.url, "adm"));
    const agentToken = (await (
      await admin.post("/api/agent-tokens", {
        name: "triage-bot",
        groups: { devices: "read-only", jobs: "read-write" },
      })
    ).json()) as { token: string };
    const wall = (await (await admin.post("/api/wall-tokens", { name: "NOC" })).json()) as {
      url: string;
    };
    const wallToken = new URL(wall.url).hash.replace(/^#token=/, "");
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    for (const i of instances) {
      expect(
        (await fetch(`${i.url}/api/wall/summary`, { headers: bearer(wallToken) })).status,
      ).toBe(200);
      expect(
        (await fetch(`${i.url}/api/agent/tools`, { headers: bearer(agentToken.token) })).status,
      ).toBe(200);
    }

    // 100 approvals of one agent proposal, spread over the three instances: one quick job.
    const runnable = sim.simulator.tenant.listDevices().filter((d) => d.deviceClass === "device");
    const proposed = await fetch(`${followers[0]!.url}/api/agent/tools/datto-run-quickjob`, {
      method: "POST",
      headers: { ...bearer(agentToken.token), "Content-Type": "application/json" },
      body: JSON.stringify({
        deviceUid: runnable[0]!.uid,
        jobName: FLUSH_DNS.name,
        reason: "DNS lookups fail on this device",
      }),
    });
    expect(proposed.status).toBe(200);
    const { proposalId, state } = (await proposed.json()) as { proposalId: string; state: string };
    expect(state).toBe("pending");
    const putsBefore = counters().byRoute[PUT] ?? 0;
    const approvals = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        people[n % 3]!.post(`/api/proposals/${proposalId}/approve`).then((r) => r.status),
      ),
    );
    expect(approvals.filter((s) => s === 200)).toHaveLength(1);
    expect(approvals.filter((s) => s === 409)).toHaveLength(99);
    await until("the proposal to succeed", 20_000, async () =>
      (await store.proposals.find(proposalId))?.state === "succeeded" ? true : null,
    );
    // The proposal succeeds once its run is stored; the run's one PUT follows at once.
    await until("the quick job to reach Datto", 10_000, async () =>
      (counters().byRoute[PUT] ?? 0) > putsBefore ? true : null,
    );
    await sleep(1_000);
    expect((counters().byRoute[PUT] ?? 0) - putsBefore).toBe(1);
    expect(
      sim.simulator.tenant.jobs().filter((j) => j.deviceUid === runnable[0]!.uid),
    ).toHaveLength(1);

    // A run of eight launched on the leader: it sends what the write budget allows, then waits.
    const tech = personOn(leader.url, await signIn(leader.url, "tec"));
    const devices = runnable.slice(1, 9).map((d) => d.uid);
    const launched = await tech.post("/api/jobs", {
      component: FLUSH_DNS.name,
      deviceUids: devices,
      idempotencyKey: `cluster-${Date.now()}`,
    });
    expect(launched.status).toBe(201);
    const { id: runId } = (await launched.json()) as { id: string };
    const targets = async () => (await store.jobRuns.get(runId))!.targets;
    const count = (list: StoredJobTarget[], statuses: string[]) =>
      list.filter((t) => statuses.includes(t.status)).length;
    await until("the budget's share of the run to be sent", 20_000, async () => {
      const now = await targets();
      return count(now, SENT) >= 1 && count(now, ["queued"]) >= 1 ? true : null;
    });

    // Another instance restarts meanwhile: its start-up recovery leaves the live dispatch alone.
    const restarted = followers[1]!;
    restarted.process.kill("SIGTERM");
    await restarted.process.exited;
    const replacement = await cluster.start();
    expect(await roleOf(replacement.url)).toBe("follower");
    const afterRestart = await targets();
    expect(count(afterRestart, ["not-sent", "outcome-unknown"])).toBe(0);
    expect(count(afterRestart, ["queued", "sending"])).toBeGreaterThan(0);

    // kill -9 of the leader while it dispatches (and tracks): another instance leads, settles the
    // dead one's targets once its executor lease lapsed, and tracks what was sent.
    const resultsBefore = counters().byRoute[RESULTS] ?? 0;
    leader.process.kill("SIGKILL");
    await leader.process.exited;
    const killedAt = Date.now();
    const rest = [followers[0]!, replacement];
    await until("a new leader", 30_000, async () => {
      const now = await Promise.all(rest.map((i) => roleOf(i.url)));
      return now.includes("leader") ? true : null;
    });
    const settled = await until("the dead instance's targets to be settled", 50_000, async () => {
      const now = await targets();
      return count(now, ["queued", "sending"]) === 0 ? now : null;
    });
    expect(Date.now() - killedAt).toBeGreaterThan(5_000);
    await sleep(6_000);
    expect((counters().byRoute[RESULTS] ?? 0) - resultsBefore).toBeGreaterThan(0);

    // Truthful, and nothing written twice: a target with a job at "Datto" says it was sent (or
    // that its outcome is unknown); one without says it was not sent (or unknown).
    const jobs = sim.simulator.tenant.jobs();
    for (const t of settled) {
      const made = jobs.filter((j) => j.deviceUid === t.deviceUid);
      expect(made.length).toBeLessThanOrEqual(1);
      if (made.length === 1) expect([...SENT, "outcome-unknown"]).toContain(t.status);
      else expect(["not-sent", "outcome-unknown"]).toContain(t.status);
    }
    expect(count(settled, ["not-sent"])).toBeGreaterThan(0);
    expect(count(settled, SENT)).toBeGreaterThan(0);
    expect(counters().status429).toBe(0);
  }, 150_000);
});
