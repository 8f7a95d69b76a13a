import { describe, expect, it } from "vitest";
import { componentByName } from "./components-catalog";
import { JOB_EXPIRY_MS } from "./unknowns";
import { isoInstant } from "./wire-dates";
import { createTestSim, json, type TestSim } from "../../testing/simulator-helpers";

const clean = componentByName("Disk Cleanup - Temp Files");
const restart = componentByName("Restart service");
const reboot = componentByName("Reboot device");

function agentDevice(t: TestSim, online: boolean): string {
  const device = t.sim.tenant.listDevices().find((d) => d.deviceClass === "device" && !d.deleted);
  if (!device) throw new Error("no agent device");
  t.sim.control.setDeviceOnline(device.uid, online);
  return device.uid;
}

interface Created {
  job: { uid: string; status: string; dateCreated: string | number };
  jobComponents: Array<{ uid: string; variables: Array<{ name: string; value: string }> }>;
}
interface Result {
  jobDeploymentStatus: string;
  ranOn: string | number | null;
  componentResults: Array<{
    componentStatus: string;
    hasStdOut: boolean;
    hasStdErr: boolean;
    numberOfWarnings: number;
  }>;
}

const body = (componentUid: string, variables: Array<{ name: string; value: string }> = []) => ({
  jobName: "Requested by Ana, approved by Ben",
  jobComponent: { componentUid, variables },
});

describe("quick job requests (API.md §7)", () => {
  it("creates a job with PUT and the nested jobComponent", async () => {
    const t = createTestSim();
    const uid = agentDevice(t, true);
    const res = await t.send(
      "PUT",
      `/v2/device/${uid}/quickjob`,
      body(clean.uid, [{ name: "days", value: "30" }]),
    );
    expect(res.status).toBe(200);
    const created = await json<Created>(res);
    expect(created.job.status).toBe("active");
    // A date-time not seen live as a number travels as ISO-8601 (API.md §6).
    expect(created.job.dateCreated).toBe(isoInstant(t.clock.now()));
    expect(created.jobComponents[0]).toMatchObject({
      uid: clean.uid,
      variables: [
        { name: "days", value: "30" },
        { name: "drive", value: "C:" },
        { name: "includeRecycleBin", value: "false" },
      ],
    });
  });

  it("refuses a flat body with 400 Failed to read request", async () => {
    const t = createTestSim();
    const uid = agentDevice(t, true);
    const res = await t.send("PUT", `/v2/device/${uid}/quickjob`, {
      jobName: "x",
      componentUid: clean.uid,
      variables: [],
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ message: "Failed to read request" });
    expect((await t.send("PUT", `/v2/device/${uid}/quickjob`, "{not json")).status).toBe(400);
  });

  it("refuses unknown variables and values of the wrong type with 400", async () => {
    const t = createTestSim();
    const uid = agentDevice(t, true);
    const unknown = await t.send(
      "PUT",
      `/v2/device/${uid}/quickjob`,
      body(clean.uid, [{ name: "dayz", value: "3" }]),
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await json(unknown))).toContain("dayz");
    const wrongType = await t.send(
      "PUT",
      `/v2/device/${uid}/quickjob`,
      body(clean.uid, [{ name: "days", value: "thirty" }]),
    );
    expect(wrongType.status).toBe(400);
    const bool = await t.send(
      "PUT",
      `/v2/device/${uid}/quickjob`,
      body(clean.uid, [{ name: "includeRecycleBin", value: "maybe" }]),
    );
    expect(bool.status).toBe(400);
  });

  it("answers 404 for an unknown device or component", async () => {
    const t = createTestSim();
    const uid = agentDevice(t, true);
    expect(
      (await t.send("PUT", "/v2/device/no-such-device/quickjob", body(clean.uid))).status,
    ).toBe(404);
    expect(
      (await t.send("PUT", `/v2/device/${uid}/quickjob`, body("no-such-component"))).status,
    ).toBe(404);
  });
});

describe("job lifecycle over the clock", () => {
  async function start(
    t: TestSim,
    device: string,
    componentUid: string,
    variables: Array<{ name: string; value: string }> = [],
  ) {
    const created = await json<Created>(
      await t.send("PUT", `/v2/device/${device}/quickjob`, body(componentUid, variables)),
    );
    return created.job.uid;
  }
  const result = async (t: TestSim, job: string, device: string) =>
    json<Result>(await t.get(`/v2/job/${job}/results/${device}`));

  it.each(["iso", "epoch-ms"] as const)(
    "goes Pending -> Running -> a final state, and the job active -> completed (dates as %s)",
    async (jobDates) => {
      const t = createTestSim({ jobDates });
      const device = agentDevice(t, true);
      const launchedAt = t.clock.now();
      const job = await start(t, device, clean.uid);
      expect((await result(t, job, device)).jobDeploymentStatus).toBe("Pending");
      expect((await result(t, job, device)).ranOn).toBeNull();
      await t.sim.control.advance(30_000);
      const running = await result(t, job, device);
      expect(running.jobDeploymentStatus).toBe("Running");
      const created = (await json(await t.get(`/v2/job/${job}`))) as Created["job"];
      expect(created.status).toBe("active");
      expect(created.dateCreated).toBe(jobDates === "iso" ? isoInstant(launchedAt) : launchedAt);
      await t.sim.control.advance(10 * 60_000);
      const done = await result(t, job, device);
      expect(["Success", "Warning", "Failure"]).toContain(done.jobDeploymentStatus);
      expect(done.ranOn).toEqual(running.ranOn);
      const ranOn = typeof done.ranOn === "string" ? Date.parse(done.ranOn) : done.ranOn;
      expect(typeof done.ranOn).toBe(jobDates === "iso" ? "string" : "number");
      expect(ranOn).toBeGreaterThan(launchedAt);
      expect(done.componentResults).toHaveLength(1);
      expect((await json(await t.get(`/v2/job/${job}`))).status).toBe("completed");
      const components = await json<{ jobComponents: unknown[] }>(
        await t.get(`/v2/job/${job}/components`),
      );
      expect(components.jobComponents).toHaveLength(1);
    },
  );

  it("switches job dates to epoch ms and back through the control surface", async () => {
    const t = createTestSim();
    const device = agentDevice(t, true);
    const job = await start(t, device, clean.uid);
    const dateOf = async () => (await json(await t.get(`/v2/job/${job}`))).dateCreated;
    expect(typeof (await dateOf())).toBe("string");
    const flip = (format: string) =>
      t.sim.fetch(`${t.sim.publicBaseUrl}/__sim/job-dates`, {
        method: "POST",
        body: JSON.stringify({ format }),
      });
    expect((await flip("epoch-ms")).status).toBe(200);
    expect(await dateOf()).toBe(t.clock.now());
    expect((await flip("seconds")).status).toBe(400);
    t.sim.control.setJobDateFormat("iso");
    expect(await dateOf()).toBe(isoInstant(t.clock.now()));
  });

  it("is deterministic per component and device", async () => {
    const a = createTestSim();
    const b = createTestSim();
    const device = agentDevice(a, true);
    agentDevice(b, true);
    const ja = await start(a, device, restart.uid);
    const jb = await start(b, device, restart.uid);
    await a.sim.control.advance(10 * 60_000);
    await b.sim.control.advance(10 * 60_000);
    expect((await result(a, ja, device)).jobDeploymentStatus).toBe(
      (await result(b, jb, device)).jobDeploymentStatus,
    );
  });

  it("keeps a job for an offline device Pending, then runs it when the device returns", async () => {
    const t = createTestSim();
    const device = agentDevice(t, false);
    const job = await start(t, device, clean.uid);
    await t.sim.control.advance(3 * 3_600_000);
    expect((await result(t, job, device)).jobDeploymentStatus).toBe("Pending");
    t.sim.control.setDeviceOnline(device, true);
    await t.sim.control.advance(10 * 60_000);
    expect(["Success", "Warning", "Failure"]).toContain(
      (await result(t, job, device)).jobDeploymentStatus,
    );
  });

  it("expires a job whose device never comes back", async () => {
    const t = createTestSim();
    const device = agentDevice(t, false);
    const job = await start(t, device, clean.uid);
    await t.sim.control.advance(JOB_EXPIRY_MS);
    const expired = await result(t, job, device);
    expect(expired.jobDeploymentStatus).toBe("Expired");
    expect(expired.componentResults).toEqual([]);
    t.sim.control.setDeviceOnline(device, true);
    await t.sim.control.advance(10 * 60_000);
    expect((await result(t, job, device)).jobDeploymentStatus).toBe("Expired");
    expect((await json(await t.get(`/v2/job/${job}`))).status).toBe("completed");
  });

  it("serves stdout and stderr only when the result says so", async () => {
    const t = createTestSim({ devices: 300 });
    const devices = t.sim.tenant
      .listDevices()
      .filter((d) => d.deviceClass === "device" && !d.deleted)
      .slice(0, 40);
    const seen = new Set<string>();
    for (const d of devices) {
      t.sim.control.setDeviceOnline(d.uid, true);
      const job = await start(t, d.uid, clean.uid, [{ name: "days", value: "14" }]);
      expect(await json(await t.get(`/v2/job/${job}/results/${d.uid}/stdout`))).toEqual([]);
      await t.sim.control.advance(10 * 60_000);
      const r = await result(t, job, d.uid);
      const cr = r.componentResults[0]!;
      seen.add(r.jobDeploymentStatus);
      const out = await json<Array<{ stdData: string; componentUid: string }>>(
        await t.get(`/v2/job/${job}/results/${d.uid}/stdout`),
      );
      const err = await json<Array<{ stdData: string }>>(
        await t.get(`/v2/job/${job}/results/${d.uid}/stderr`),
      );
      expect(out.length > 0).toBe(cr.hasStdOut);
      expect(err.length > 0).toBe(cr.hasStdErr);
      if ((d.operatingSystem ?? "").startsWith("Microsoft Windows")) {
        expect(out[0]?.stdData).toMatch(/Deleted [\d,]+ files, freed [\d.]+ GB/);
        expect(out[0]?.stdData).toContain("older than 14 days");
      } else {
        // A Windows script on macOS or Linux fails, and says why.
        expect(r.jobDeploymentStatus).toBe("Failure");
        expect(err[0]?.stdData).toContain("supports Windows only");
      }
      if (r.jobDeploymentStatus === "Warning") expect(cr.numberOfWarnings).toBeGreaterThan(0);
      if (r.jobDeploymentStatus === "Failure") expect(cr.componentStatus).toBe("Failure");
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("has no stdout for a component that prints nothing", async () => {
    const t = createTestSim();
    const device = agentDevice(t, true);
    const job = await start(t, device, reboot.uid);
    await t.sim.control.advance(10 * 60_000);
    const r = await result(t, job, device);
    expect(r.componentResults[0]?.hasStdOut).toBe(false);
    expect(await json(await t.get(`/v2/job/${job}/results/${device}/stdout`))).toEqual([]);
  });

  it("fails a restart of a service that does not exist", async () => {
    const t = createTestSim();
    const device = agentDevice(t, true);
    const job = await start(t, device, restart.uid, [
      { name: "serviceName", value: "NoSuchService" },
    ]);
    await t.sim.control.advance(10 * 60_000);
    expect((await result(t, job, device)).jobDeploymentStatus).toBe("Failure");
    const err = await json<Array<{ stdData: string }>>(
      await t.get(`/v2/job/${job}/results/${device}/stderr`),
    );
    expect(err[0]?.stdData).toContain("1053");
  });

  it("answers 404 for an unknown job or a device that is not the job's", async () => {
    const t = createTestSim();
    const device = agentDevice(t, true);
    const job = await start(t, device, clean.uid);
    expect((await t.get("/v2/job/nope")).status).toBe(404);
    const other = t.sim.tenant.listDevices().find((d) => d.uid !== device)!.uid;
    expect((await t.get(`/v2/job/${job}/results/${other}`)).status).toBe(404);
  });
});
