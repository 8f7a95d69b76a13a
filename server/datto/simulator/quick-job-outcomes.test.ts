import { describe, expect, it } from "vitest";
import {
  createTestSim,
  json,
  serverDiskAlert,
  type TestSim,
} from "../../testing/simulator-helpers";
import { componentByName, COMPONENTS } from "./components-catalog";
import { COMPONENT_VARIABLE_TYPES } from "./unknowns";

const cleanup = componentByName("Disk Cleanup - Temp Files");
const QUICKJOB = "PUT /v2/device/{deviceUid}/quickjob";

interface Result {
  jobDeploymentStatus: string;
  componentResults: Array<{ hasStdOut: boolean; hasStdErr: boolean; numberOfWarnings: number }>;
}

const launch = (
  t: TestSim,
  deviceUid: string,
  variables: Array<{ name: string; value: string }> = [],
) =>
  t.send("PUT", `/v2/device/${deviceUid}/quickjob`, {
    jobName: "Disk clean-up, asked by Ana",
    jobComponent: { componentUid: cleanup.uid, variables },
  });

function windowsAgents(t: TestSim) {
  return t.sim.tenant
    .listDevices()
    .filter((d) => !d.deleted && (d.operatingSystem ?? "").startsWith("Microsoft Windows"));
}

describe("the component catalogue", () => {
  it("offers a disk clean-up, every variable type, and components that need credentials", async () => {
    const t = createTestSim();
    const page = await json<{
      components: Array<{
        name: string;
        credentialsRequired: boolean;
        variables: Array<{ name: string; type: string; defaultVal: string }>;
      }>;
    }>(await t.get("/v2/account/components"));
    expect(page.components).toHaveLength(COMPONENTS.length);
    const disk = page.components.find((c) => /disk clean-?up/i.test(c.name));
    expect(disk?.variables.map((v) => v.type)).toEqual(["number", "string", "boolean"]);
    const types = new Set(page.components.flatMap((c) => c.variables.map((v) => v.type)));
    expect([...types].sort()).toEqual([...COMPONENT_VARIABLE_TYPES].sort());
    expect(page.components.filter((c) => c.credentialsRequired).length).toBeGreaterThanOrEqual(2);
  });
});

describe("quick-job outcomes (deterministic per component, device and variables)", () => {
  it("launched on three devices, one of which is known to fail, ends with exactly one Failure", async () => {
    const t = createTestSim({ devices: 200 });
    const agents = windowsAgents(t);
    const outcome = (uid: string) => t.sim.tenant.jobOutcome(cleanup.uid, uid);
    const ok = agents.filter((d) => outcome(d.uid) === "Success").slice(0, 2);
    const failing = agents.find((d) => outcome(d.uid) === "Failure")!;
    const chosen = [...ok, failing];
    t.sim.control.resetCounters();
    const jobs: string[] = [];
    for (const d of chosen) {
      t.sim.control.setDeviceOnline(d.uid, true);
      jobs.push((await json<{ job: { uid: string } }>(await launch(t, d.uid))).job.uid);
    }
    expect(t.sim.control.counters().byRoute[QUICKJOB]).toBe(3);
    await t.sim.control.advance(10 * 60_000);
    const results = await Promise.all(
      chosen.map(async (d, i) => json<Result>(await t.get(`/v2/job/${jobs[i]}/results/${d.uid}`))),
    );
    expect(results.map((r) => r.jobDeploymentStatus)).toEqual(["Success", "Success", "Failure"]);
    expect(results[2]!.componentResults[0]).toMatchObject({ hasStdErr: true, hasStdOut: true });
    const err = await json<Array<{ stdData: string }>>(
      await t.get(`/v2/job/${jobs[2]}/results/${failing.uid}/stderr`),
    );
    expect(err[0]?.stdData).toMatch(/^ERROR: /);
    expect(await json(await t.get(`/v2/job/${jobs[0]}/results/${chosen[0]!.uid}/stderr`))).toEqual(
      [],
    );
  });

  it("ends in Warning now and then, with warnings counted and a stderr saying why", async () => {
    const t = createTestSim({ devices: 200 });
    const warned = windowsAgents(t).find(
      (d) => t.sim.tenant.jobOutcome(cleanup.uid, d.uid) === "Warning",
    )!;
    t.sim.control.setDeviceOnline(warned.uid, true);
    const job = (await json<{ job: { uid: string } }>(await launch(t, warned.uid))).job.uid;
    await t.sim.control.advance(10 * 60_000);
    const result = await json<Result>(await t.get(`/v2/job/${job}/results/${warned.uid}`));
    expect(result.jobDeploymentStatus).toBe("Warning");
    expect(result.componentResults[0]!.numberOfWarnings).toBeGreaterThan(0);
    const err = await json<Array<{ stdData: string }>>(
      await t.get(`/v2/job/${job}/results/${warned.uid}/stderr`),
    );
    expect(err[0]?.stdData).toMatch(/^WARNING: /);
  });

  it("fails on a drive the device does not have, whatever the device", async () => {
    const t = createTestSim({ devices: 200 });
    const device = windowsAgents(t)[0]!;
    expect(t.sim.tenant.jobOutcome(cleanup.uid, device.uid, [{ name: "drive", value: "Q:" }])).toBe(
      "Failure",
    );
    t.sim.control.setDeviceOnline(device.uid, true);
    const job = (
      await json<{ job: { uid: string } }>(
        await launch(t, device.uid, [{ name: "drive", value: "Q:" }]),
      )
    ).job.uid;
    await t.sim.control.advance(10 * 60_000);
    const err = await json<Array<{ stdData: string }>>(
      await t.get(`/v2/job/${job}/results/${device.uid}/stderr`),
    );
    expect(err[0]?.stdData).toContain("cannot find the drive specified: Q:");
  });
});

describe("the disk clean-up loop: alert, job, alert cleared", () => {
  it.each([1, 2, 3])(
    "clears the server's disk alert when its drive is cleaned up (seed %i)",
    async (seed) => {
      const t = createTestSim({ devices: 120, seed });
      const alert = serverDiskAlert(t.sim)!;
      const server = alert.alertSourceInfo.deviceUid!;
      const drive = String(alert.alertContext.diskName);
      const freeBefore = Number(alert.alertContext.freeSpace);
      t.sim.control.setDeviceOnline(server, true);
      const variables = [{ name: "drive", value: drive }];
      expect(t.sim.tenant.jobOutcome(cleanup.uid, server, variables)).not.toBe("Failure");
      const job = (await json<{ job: { uid: string } }>(await launch(t, server, variables))).job
        .uid;
      expect(t.sim.tenant.getAlert(alert.alertUid)?.resolved).toBe(false);
      await t.sim.control.advance(10 * 60_000);
      const after = t.sim.tenant.getAlert(alert.alertUid)!;
      expect(after).toMatchObject({ resolved: true, resolvedBy: "System" });
      const out = await json<Array<{ stdData: string }>>(
        await t.get(`/v2/job/${job}/results/${server}/stdout`),
      );
      expect(out[0]?.stdData).toContain(`Free space before: ${freeBefore.toFixed(2)} GB`);
      const disk = t.sim.tenant
        .deviceAudit(server)!
        .logicalDisks.find((d) => d.diskIdentifier === drive)!;
      expect(out[0]?.stdData).toContain(
        `Free space after: ${(disk.freespace / 1_073_741_824).toFixed(2)} GB`,
      );
      expect(disk.freespace / 1_073_741_824).toBeGreaterThan(freeBefore);
    },
  );
});

describe("quick-job faults on demand (outcome unknown)", () => {
  it("drops the connection after creating the job: the client errs, the job runs", async () => {
    const t = createTestSim();
    const device = windowsAgents(t)[0]!.uid;
    t.sim.control.setDeviceOnline(device, true);
    t.sim.control.resetCounters();
    t.sim.control.failNextQuickJobs(1, "drop");
    await expect(launch(t, device)).rejects.toThrow(TypeError);
    expect(t.sim.tenant.jobs()).toHaveLength(1);
    expect(t.sim.control.counters()).toMatchObject({ dropped: 1, writes: 1 });
    expect(t.sim.control.counters().byRoute[QUICKJOB]).toBe(1);
    expect((await launch(t, device)).status).toBe(200);
    expect(t.sim.tenant.jobs()).toHaveLength(2);
  });

  it("can lose the request before the job exists", async () => {
    const t = createTestSim();
    const device = windowsAgents(t)[0]!.uid;
    t.sim.control.failNextQuickJobs(2, "drop", { jobCreated: false });
    await expect(launch(t, device)).rejects.toThrow(TypeError);
    await expect(launch(t, device)).rejects.toThrow(TypeError);
    expect(t.sim.tenant.jobs()).toHaveLength(0);
  });

  it("times out: no answer until the caller gives up (or a 504 five minutes later)", async () => {
    const t = createTestSim();
    const device = windowsAgents(t)[0]!.uid;
    const faults = await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/quickjob-faults`, {
      method: "POST",
      body: JSON.stringify({ count: 2, mode: "timeout" }),
    });
    expect(faults.status).toBe(200);
    const controller = new AbortController();
    const abandoned = t.sim.fetch(`${t.sim.apiBaseUrl}/v2/device/${device}/quickjob`, {
      method: "PUT",
      signal: controller.signal,
      headers: { authorization: `Bearer ${await t.token()}`, "content-type": "application/json" },
      body: JSON.stringify({ jobName: "x", jobComponent: { componentUid: cleanup.uid } }),
    });
    await until(() => t.clock.pendingSleepers() > 0);
    await t.clock.advance(20_000);
    controller.abort(new Error("client deadline"));
    await expect(abandoned).rejects.toThrow("client deadline");
    const waited = launch(t, device);
    await until(() => t.clock.pendingSleepers() > 0);
    await t.clock.advance(5 * 60_000);
    expect((await waited).status).toBe(504);
    expect(t.sim.tenant.jobs()).toHaveLength(2);
    expect((await launch(t, device)).status).toBe(200);
    const bad = await t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/quickjob-faults`, {
      method: "POST",
      body: JSON.stringify({ count: 1, mode: "explode" }),
    });
    expect(bad.status).toBe(400);
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!check()) throw new Error("condition never became true");
}
