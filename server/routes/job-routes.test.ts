import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ComponentListResponse } from "../contract/components";
import { OUTCOME_UNKNOWN_NOTE, type JobListResponse, type JobPreview } from "../contract/jobs";
import { componentByName } from "../datto/simulator/components-catalog";
import {
  CLEANUP,
  dispatched,
  FLUSH_DNS,
  launch,
  newKey,
  puts,
  runOf,
  trackUntilFinal,
  windowsDevices,
} from "../testing/job-helpers";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ devices: 60 });

const messageOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message;

describe("GET /api/components", () => {
  it("lists the catalog with variables, types, defaults and the credentials flag; searches; keeps favourites", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const list = await tech.getJson<ComponentListResponse>("/api/components");
    const cleanup = list.components.find((c) => c.uid === CLEANUP.uid)!;
    expect(cleanup.variables).toEqual([
      expect.objectContaining({ name: "days", type: "number", defaultValue: "7", required: false }),
      expect.objectContaining({ name: "drive", type: "string", defaultValue: "C:" }),
      expect.objectContaining({ name: "includeRecycleBin", type: "boolean" }),
    ]);
    expect(list.components.some((c) => c.credentialsRequired)).toBe(true);
    const searched = await tech.getJson<ComponentListResponse>(
      "/api/components?q=temporary%20drive",
    );
    expect(searched.components.map((c) => c.name)).toEqual([CLEANUP.name]);

    const reads = t.sim.control.counters().byRoute["GET /v2/account/components"] ?? 0;
    await tech.getJson("/api/components");
    // Cached: the second list is not another Datto read.
    expect(t.sim.control.counters().byRoute["GET /v2/account/components"]).toBe(reads);

    expect(
      (await tech.put(`/api/components/${CLEANUP.uid}/favourite`, { favourite: true })).status,
    ).toBe(200);
    expect((await tech.put(`/api/components/nosuch/favourite`, { favourite: true })).status).toBe(
      404,
    );
    const mine = await tech.getJson<ComponentListResponse>("/api/components");
    expect(mine.favourites).toEqual([CLEANUP.uid]);
    const viewer = await t.signIn("viewer");
    expect((await viewer.getJson<ComponentListResponse>("/api/components")).favourites).toEqual([]);
  });
});

describe("POST /api/jobs: bad input is refused and nothing is sent", () => {
  it("refuses unknown and ambiguous components, wrong variables and unrunnable devices", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const device = windowsDevices(t)[0]!;
    const printer = t.fleet.snapshot().devices.find((d) => d.deviceClass === "printer")!;
    const before = puts(t);

    const unknown = await launch(tech, { component: "Disk Clenup", deviceUids: [device.uid] });
    expect(unknown.status).toBe(404);
    const unknownBody = (await unknown.json()) as {
      error: { code: string; details: { suggestions: Array<{ name: string }> } };
    };
    expect(unknownBody.error.code).toBe("unknown_component");
    expect(unknownBody.error.details.suggestions.map((s) => s.name)).toContain(CLEANUP.name);

    const ambiguous = await launch(tech, { component: "disk", deviceUids: [device.uid] });
    expect(ambiguous.status).toBe(400);
    const ambiguousBody = (await ambiguous.json()) as {
      error: { code: string; details: { candidates: Array<{ name: string }> } };
    };
    expect(ambiguousBody.error.code).toBe("ambiguous_component");
    expect(ambiguousBody.error.details.candidates.map((c) => c.name).sort()).toEqual(
      ["Check disk space", CLEANUP.name].sort(),
    );

    const wrongType = await launch(tech, {
      component: CLEANUP.name,
      deviceUids: [device.uid],
      variables: { days: "a week" },
    });
    expect(wrongType.status).toBe(400);
    expect(await messageOf(wrongType)).toMatch(/"days" is of type number/);

    const badDate = await launch(tech, {
      component: "Schedule maintenance window",
      deviceUids: [device.uid],
      variables: { until: "2026-02-30" },
    });
    expect(await messageOf(badDate)).toMatch(/"until" is of type date/);

    const unknownVariable = await launch(tech, {
      component: CLEANUP.uid,
      deviceUids: [device.uid],
      variables: { dayz: 3 },
    });
    expect(unknownVariable.status).toBe(400);
    expect(await messageOf(unknownVariable)).toMatch(/no variable "dayz"/);

    const notRunnable = await launch(tech, { component: CLEANUP.name, deviceUids: [printer.uid] });
    expect(notRunnable.status).toBe(400);
    expect(await notRunnable.text()).toContain(printer.hostname);

    const missing = await launch(tech, { component: CLEANUP.name, deviceUids: ["no-such-device"] });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("no-such-device");

    const noKey = await tech.post("/api/jobs", {
      component: CLEANUP.name,
      deviceUids: [device.uid],
    });
    expect(noKey.status).toBe(400);
    expect(await noKey.text()).toContain("idempotencyKey");

    expect(puts(t)).toBe(before);
    expect((await tech.getJson<JobListResponse>("/api/jobs")).runs).toEqual([]);
  });

  it("lets viewers read but not launch", async () => {
    const t = await testApp();
    const viewer = await t.signIn("viewer");
    const device = windowsDevices(t)[0]!;
    expect(
      (await launch(viewer, { component: CLEANUP.name, deviceUids: [device.uid] })).status,
    ).toBe(403);
    expect((await viewer.request("/api/jobs")).status).toBe(200);
  });
});

describe("launching and tracking a run", () => {
  it("runs a component on a device: the job name names the requester, Pending -> Running -> Success, stdout read once", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const device = windowsDevices(t).find(
      (d) => d.online && t.sim.tenant.jobOutcome(FLUSH_DNS.uid, d.uid) === "Success",
    )!;
    const res = await launch(tech, { component: "flush dns", deviceUids: [device.uid] });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await dispatched(t);
    const job = t.sim.tenant.jobs().at(-1)!;
    expect(job.name).toBe("Flush DNS cache (requested by technician, via RMM Deck)");

    const seen = new Set<string>();
    for (let i = 0; i < 100 && !seen.has("Success"); i++) {
      await t.clock.advance(3_000);
      await t.services.jobTracker.tick();
      seen.add((await runOf(t, id)).targets[0]!.status);
    }
    expect([...seen]).toEqual(expect.arrayContaining(["Pending", "Running", "Success"]));
    const run = await trackUntilFinal(t, id);
    expect(run.state).toBe("finished");
    expect(run.targets[0]!.stdoutPreview).toBeTruthy();
    const stdout = await tech.getJson<{ text: string }>(
      `/api/jobs/${id}/devices/${device.uid}/stdout`,
    );
    expect(stdout.text.length).toBeGreaterThan(0);
    const stdoutReads = () =>
      t.sim.control.counters().byRoute["GET /v2/job/{jobUid}/results/{deviceUid}/stdout"] ?? 0;
    expect(stdoutReads()).toBe(1);
    for (let i = 0; i < 5; i++) {
      await t.clock.advance(60_000);
      await t.services.jobTracker.tick();
    }
    expect(stdoutReads()).toBe(1);
    expect(t.services.jobTracker.stats().tracked).toBe(0);
    const csv = await tech.request(`/api/jobs/${id}/outputs.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain(device.hostname);
  });

  it("one run of three devices shows the one Failure among them, in the history's problem filter", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const outcome = (uid: string) => t.sim.tenant.jobOutcome(CLEANUP.uid, uid);
    const online = windowsDevices(t).filter((d) => d.online);
    const picked = [
      ...online.filter((d) => outcome(d.uid) === "Success").slice(0, 2),
      online.find((d) => outcome(d.uid) === "Failure")!,
    ];
    const res = await launch(tech, {
      component: CLEANUP.name,
      deviceUids: picked.map((d) => d.uid),
    });
    const { id } = (await res.json()) as { id: string };
    await dispatched(t);
    const run = await trackUntilFinal(t, id);
    expect(run.counts).toMatchObject({ Success: 2, Failure: 1 });
    expect(run.problemCount).toBe(1);
    const problems = await tech.getJson<JobListResponse>("/api/jobs?status=problems");
    expect(problems.runs.map((r) => r.id)).toEqual([id]);
    const byDevice = await tech.getJson<JobListResponse>(`/api/jobs?deviceUid=${picked[2]!.uid}`);
    expect(byDevice.runs.map((r) => r.id)).toEqual([id]);
    const failures = await t.services.jobs.recentFailures(0);
    expect(failures.map((f) => f.hostname)).toEqual([picked[2]!.hostname]);
  });

  it("a double-click or a retried request with the same key creates one run and one PUT per device", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const devices = windowsDevices(t)
      .slice(0, 2)
      .map((d) => d.uid);
    const before = puts(t);
    const body = { component: CLEANUP.name, deviceUids: devices, idempotencyKey: newKey() };
    const [a, b] = await Promise.all([tech.post("/api/jobs", body), tech.post("/api/jobs", body)]);
    const c = await tech.post("/api/jobs", body);
    const ids = await Promise.all(
      [a, b, c].map(async (r) => ((await r.json()) as { id: string }).id),
    );
    expect(new Set(ids).size).toBe(1);
    expect([a.status, b.status, c.status].sort()).toEqual([200, 200, 201]);
    await dispatched(t);
    expect(puts(t) - before).toBe(2);
    const other = await tech.post("/api/jobs", { ...body, deviceUids: devices.slice(0, 1) });
    expect(other.status).toBe(409);
    expect((await tech.getJson<JobListResponse>("/api/jobs")).runs).toHaveLength(1);
  });

  it.each(["drop", "timeout"] as const)(
    "never resends a PUT whose answer was lost (%s): that target is outcome unknown, the rest go on",
    async (mode) => {
      const t = await testApp();
      const tech = await t.signIn("technician");
      const devices = windowsDevices(t)
        .slice(0, 3)
        .map((d) => d.uid);
      t.sim.control.failNextQuickJobs(1, mode);
      const before = puts(t);
      const res = await launch(tech, { component: CLEANUP.name, deviceUids: devices });
      const { id } = (await res.json()) as { id: string };
      await dispatched(t);
      expect(puts(t) - before).toBe(3);
      const run = await runOf(t, id);
      expect(run.targets[0]!.status).toBe("outcome-unknown");
      expect(run.targets[0]!.detail).toContain(OUTCOME_UNKNOWN_NOTE);
      expect(run.targets.slice(1).map((x) => x.status)).toEqual(["Pending", "Pending"]);
      await trackUntilFinal(t, id);
      expect(puts(t) - before).toBe(3);
    },
  );

  it("paces the PUTs inside the device-job-create budget: no 429, the rest wait for the window", async () => {
    const t = await testApp({ env: { WRITE_BUDGET_PER_OPERATION_PER_MINUTE: "4" } });
    const tech = await t.signIn("technician");
    const devices = windowsDevices(t)
      .slice(0, 9)
      .map((d) => d.uid);
    const started = t.clock.now();
    const res = await launch(tech, { component: CLEANUP.name, deviceUids: devices });
    expect(res.status).toBe(201);
    const sentAt = () => t.sim.tenant.jobs().map((j) => j.createdAt);
    await t.settle(t.services.jobDispatcher.idle(), 1_000);
    const times = sentAt();
    expect(times).toHaveLength(9);
    expect(t.sim.control.counters().status429).toBe(0);
    // 4 a minute: the 5th waits a minute, the 9th two.
    expect(times[4]! - started).toBeGreaterThanOrEqual(60_000);
    expect(times[8]! - started).toBeGreaterThanOrEqual(120_000);
  });

  it("above 10 devices the count must be typed; the preview lists online state and offline devices", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const devices = windowsDevices(t).slice(0, 12);
    t.sim.control.setDeviceOnline(devices[0]!.uid, false);
    await t.fleet.refreshAll("interactive");
    const preview = (await (
      await tech.post("/api/jobs/preview", {
        component: CLEANUP.name,
        deviceUids: devices.map((d) => d.uid),
      })
    ).json()) as JobPreview;
    expect(preview.confirmCountRequired).toBe(true);
    expect(preview.targets).toHaveLength(12);
    expect(preview.offline).toBeGreaterThanOrEqual(1);
    expect(preview.targets.find((x) => x.deviceUid === devices[0]!.uid)?.online).toBe(false);
    const before = puts(t);
    const unconfirmed = await launch(tech, {
      component: CLEANUP.name,
      deviceUids: devices.map((d) => d.uid),
    });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("type 12 to confirm");
    const wrong = await launch(tech, {
      component: CLEANUP.name,
      deviceUids: devices.map((d) => d.uid),
      confirmCount: 11,
    });
    expect(wrong.status).toBe(400);
    expect(puts(t)).toBe(before);
    const ok = await launch(tech, {
      component: CLEANUP.name,
      deviceUids: devices.map((d) => d.uid),
      confirmCount: 12,
    });
    expect(ok.status).toBe(201);
    await dispatched(t);
  });

  it("launches on a device browser selection the server resolves, refusing one whose count changed", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const picked = windowsDevices(t)
      .slice(0, 3)
      .map((d) => d.uid);
    const query = new URLSearchParams({ uids: picked.join(","), deviceClass: "device" }).toString();
    const changed = await launch(tech, { component: CLEANUP.name, target: { query, count: 4 } });
    expect(changed.status).toBe(409);
    const res = await launch(tech, { component: CLEANUP.name, target: { query, count: 3 } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await runOf(t, id)).targets.map((x) => x.deviceUid).sort()).toEqual([...picked].sort());
    await dispatched(t);
  });
});

describe("the job tracker", () => {
  it("shows a watched run's changes within 5 s, and says so on the live bus", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const hints: string[] = [];
    t.services.live.subscribe((e) => {
      if (e.topic === "jobs" && e.id) hints.push(e.id);
    });
    const devices = windowsDevices(t)
      .slice(0, 3)
      .map((d) => d.uid);
    const res = await launch(tech, { component: FLUSH_DNS.name, deviceUids: devices });
    const { id } = (await res.json()) as { id: string };
    await dispatched(t);
    expect(hints).toContain(id);
    const lag = new Map<string, number>();
    let worst = 0;
    for (let s = 0; s < 400; s++) {
      await tech.getJson(`/api/jobs/${id}`); // the run page polls it: the run is watched
      await t.clock.advance(1_000);
      await t.services.jobTracker.tick();
      const stored = (await runOf(t, id)).targets;
      for (const job of t.sim.tenant.jobs().filter((j) => devices.includes(j.deviceUid))) {
        const mine = stored.find((x) => x.deviceUid === job.deviceUid)!;
        const behind = mine.status !== job.status;
        const since = behind ? (lag.get(job.uid) ?? 0) + 1 : 0;
        lag.set(job.uid, since);
        worst = Math.max(worst, since);
      }
      if (
        stored.every(
          (x) => x.status === "Success" || x.status === "Warning" || x.status === "Failure",
        )
      )
        break;
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(5);
  });

  it("never reads more than its share of the read budget, and polls watched runs first", async () => {
    const t = await testApp({
      devices: 120,
      env: { READ_BUDGET_PER_MINUTE: "40", JOB_TRACKER_READ_SHARE: "0.25" },
    });
    const tech = await t.signIn("technician");
    const devices = windowsDevices(t)
      .slice(0, 30)
      .map((d) => d.uid);
    const first = (await (
      await launch(tech, {
        component: CLEANUP.name,
        deviceUids: devices.slice(0, 25),
        confirmCount: 25,
      })
    ).json()) as { id: string };
    const watched = (await (
      await launch(tech, {
        component: FLUSH_DNS.name,
        deviceUids: devices.slice(25),
      })
    ).json()) as { id: string };
    await dispatched(t);
    expect(t.services.jobTracker.stats().readCap).toBe(10);
    const reads: number[] = [];
    const totalAt: number[] = [];
    for (let second = 0; second < 300; second++) {
      if (second % 2 === 0) t.services.jobTracker.watch(watched.id);
      await t.clock.advance(1_000);
      await t.services.jobTracker.tick();
      totalAt.push(t.services.jobTracker.stats().readsTotal);
      reads.push(t.services.jobTracker.stats().readsLastMinute);
    }
    expect(Math.max(...reads)).toBeLessThanOrEqual(10);
    // In every rolling minute, at most the cap.
    for (let s = 60; s < totalAt.length; s++)
      expect(totalAt[s]! - totalAt[s - 60]!).toBeLessThanOrEqual(10);
    const watchedRun = await runOf(t, watched.id);
    const other = await runOf(t, first.id);
    expect(watchedRun.finalCount).toBe(watchedRun.targetCount);
    expect(other.finalCount).toBeLessThan(other.targetCount);
  });

  it("resumes after a restart from the store; targets caught mid-dispatch are never resent", async () => {
    const t = await testApp();
    const tech = await t.signIn("technician");
    const devices = windowsDevices(t)
      .slice(0, 2)
      .map((d) => d.uid);
    const { id } = (await (
      await launch(tech, { component: CLEANUP.name, deviceUids: devices })
    ).json()) as { id: string };
    await dispatched(t);
    // A second run stored but never dispatched (the server died first).
    await t.store.jobRuns.createOnce({
      id: "stuck-run",
      requester: "technician",
      requesterKind: "person",
      requesterId: tech.user.id,
      requesterKey: `person:${tech.user.id}`,
      approvedBy: null,
      componentUid: CLEANUP.uid,
      componentName: CLEANUP.name,
      jobName: "x",
      variables: [],
      idempotencyKey: newKey(),
      requestHash: "h",
      targets: [
        { deviceUid: devices[0]!, hostname: "a", siteUid: "s", siteName: "S" },
        { deviceUid: devices[1]!, hostname: "b", siteUid: "s", siteName: "S" },
      ],
    });
    await t.store.jobRuns.updateTarget("stuck-run", devices[0]!, { status: "sending" });
    await t.close({ keepDataDir: true });

    const again = await testApp({ dataDir: t.dataDir, clock: t.clock, simulator: t.sim });
    const before = puts(again);
    expect(again.services.jobTracker.stats().tracked).toBe(2);
    const run = await trackUntilFinal(again, id);
    expect(run.state).toBe("finished");
    const stuck = await runOf(again, "stuck-run");
    expect(stuck.targets.map((x) => x.status)).toEqual(["outcome-unknown", "not-sent"]);
    expect(puts(again)).toBe(before);
    await again.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });
});

describe("components find()", () => {
  it("matches exact names before partial ones", async () => {
    const t = await testApp();
    const restart = componentByName("Restart service");
    expect(await t.services.components.find("restart service")).toMatchObject({
      kind: "found",
      component: { uid: restart.uid },
    });
    expect((await t.services.components.find("reboot")).kind).toBe("found");
    expect((await t.services.components.find("zzz")).kind).toBe("none");
  });
});
