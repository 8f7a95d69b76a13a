import type { JobRun } from "../contract/jobs";
import { FINAL_STATUSES } from "../contract/jobs";
import { componentByName } from "../datto/simulator/components-catalog";
import type { TestApp } from "./create-test-app";
import type { TestClient } from "./test-client";

export const QUICKJOB = "PUT /v2/device/{deviceUid}/quickjob";
export const RESULTS = "GET /v2/job/{jobUid}/results/{deviceUid}";
export const CLEANUP = componentByName("Disk Cleanup - Temp Files");
export const FLUSH_DNS = componentByName("Flush DNS cache");

let keys = 0;
export const newKey = () => `test-key-${++keys}-${Math.random().toString(36).slice(2)}`;

/** Online, runnable Windows devices of the fleet (the clean-up component runs on Windows only). */
export function windowsDevices(t: TestApp) {
  return t.fleet
    .snapshot()
    .devices.filter(
      (d) =>
        d.deviceClass === "device" &&
        d.online &&
        (d.operatingSystem ?? "").startsWith("Microsoft Windows") &&
        !t.fleet.snapshot().siteRowIndex.get(d.siteUid)?.isDeletedDevices,
    );
}

export const puts = (t: TestApp) => t.sim.control.counters().byRoute[QUICKJOB] ?? 0;
export const resultReads = (t: TestApp) => t.sim.control.counters().byRoute[RESULTS] ?? 0;

export async function launch(client: TestClient, body: Record<string, unknown>) {
  return client.post("/api/jobs", { idempotencyKey: newKey(), ...body });
}

/** Lets the dispatcher send every PUT (moving the clock through budget waits). */
export async function dispatched(t: TestApp) {
  await t.settle(t.services.jobDispatcher.idle());
}

const reader = {
  kind: "person",
  userId: "test-reader",
  username: "reader",
  role: "viewer",
  sessionId: "",
} as const;

export async function runOf(t: TestApp, id: string): Promise<JobRun> {
  const result = await t.services.jobs.get(reader, id);
  if (!result.ok) throw new Error(`no run ${id}`);
  return result.run;
}

/** Every target final and its flagged output fetched. */
export async function settledRun(t: TestApp, id: string) {
  const found = await t.store.jobRuns.get(id);
  return (
    found !== null &&
    found.targets.every((x) => FINAL_STATUSES.includes(x.status)) &&
    found.targets.every((x) => x.outputFetched || !x.dattoJobUid)
  );
}

/** Moves the clock in steps, ticking the tracker, until every target is final (or gives up). */
export async function trackUntilFinal(t: TestApp, id: string, stepMs = 5_000, maxSteps = 300) {
  for (let i = 0; i < maxSteps; i++) {
    if (await settledRun(t, id)) return runOf(t, id);
    await t.clock.advance(stepMs);
    await t.services.jobTracker.tick();
  }
  throw new Error("the run never finished");
}
