import { createTestApp } from "../server/testing/create-test-app";
import { FINAL_STATUSES } from "../server/contract/jobs";
import { componentByName } from "../server/datto/simulator/components-catalog";
import type { BenchRow } from "./table";

const QUICKJOB = "PUT /v2/device/{deviceUid}/quickjob";
const RESULTS = "GET /v2/job/{jobUid}/results/{deviceUid}";

/**
 * The job launcher on 100 devices, counted at the simulator on a manual clock (simulated time):
 * how long the PUTs take paced inside the device-job-create budget (80 a minute), that none is
 * answered 429, and what tracking 100 running jobs costs in reads per minute and how long until
 * every target is final (the tracker ticks every simulated second, nobody watching).
 */
export async function benchJobs(): Promise<BenchRow[]> {
  const t = await createTestApp({ devices: 500 });
  try {
    const tech = await t.signIn("technician");
    const snapshot = t.fleet.snapshot();
    const devices = snapshot.devices
      .filter(
        (d) =>
          d.deviceClass === "device" &&
          d.online &&
          !snapshot.siteRowIndex.get(d.siteUid)?.isDeletedDevices,
      )
      .slice(0, 100);
    if (devices.length < 100) throw new Error(`only ${devices.length} runnable online devices`);
    const component = componentByName("Check disk space");
    t.sim.control.resetCounters();
    const started = t.clock.now();
    const wallStart = performance.now();
    const res = await tech.post("/api/jobs", {
      component: component.name,
      deviceUids: devices.map((d) => d.uid),
      idempotencyKey: "bench-jobs-100",
      confirmCount: 100,
    });
    if (res.status !== 201) throw new Error(`launch answered ${res.status}`);
    const { id } = (await res.json()) as { id: string };
    await t.settle(t.services.jobDispatcher.idle(), 500);
    const sent = t.sim.tenant.jobs().map((j) => j.createdAt);
    const dispatchMs = Math.max(...sent) - started;
    const dispatchWallMs = performance.now() - wallStart;
    const counters = t.sim.control.counters();

    const tracker = t.services.jobTracker;
    const trackStart = t.clock.now();
    let maxPerMinute = 0;
    let finishedAt: number | null = null;
    const resultsBefore = counters.byRoute[RESULTS] ?? 0;
    for (let s = 0; s < 30 * 60 && finishedAt === null; s++) {
      await t.clock.advance(1_000);
      await tracker.tick();
      maxPerMinute = Math.max(maxPerMinute, tracker.stats().readsLastMinute);
      if (s % 10 === 0) {
        const found = await t.store.jobRuns.get(id);
        if (
          found!.targets.every(
            (x) => FINAL_STATUSES.includes(x.status) && (x.outputFetched || !x.dattoJobUid),
          )
        )
          finishedAt = t.clock.now();
      }
    }
    const after = t.sim.control.counters();
    const trackMinutes = ((finishedAt ?? t.clock.now()) - trackStart) / 60_000;
    const reads = after.reads - counters.reads;
    return [
      {
        name: "launch 100 devices: PUTs sent",
        value: counters.byRoute[QUICKJOB] ?? 0,
        unit: "PUTs",
        note: `${counters.status429} answered 429; write budget 80/min per operation`,
      },
      {
        name: "launch 100 devices: pacing (simulated)",
        value: dispatchMs / 1000,
        unit: "s",
        note: `launch to last PUT; ${(dispatchWallMs / 1000).toFixed(1)} s of wall time`,
      },
      {
        name: "track 100 jobs: until all final (simulated)",
        value: trackMinutes,
        unit: "min",
        note:
          finishedAt === null
            ? "NOT all final after 30 min"
            : "incl. fetching flagged stdout/stderr once",
      },
      {
        name: "track 100 jobs: reads in the busiest minute",
        value: maxPerMinute,
        unit: "reads/min",
        note: `cap ${tracker.stats().readCap} (a quarter of 450)`,
      },
      {
        name: "track 100 jobs: reads per minute on average",
        value: reads / Math.max(trackMinutes, 1 / 60),
        unit: "reads/min",
        note: `${(after.byRoute[RESULTS] ?? 0) - resultsBefore} result reads, ${reads} reads in all`,
      },
    ];
  } finally {
    await t.close();
  }
}
