import { findComponent } from "./components-catalog";
import { deploymentStatus, isFinished } from "./jobs";
import type { SimCore } from "./sim-core";
import type { JobRec } from "./tenant";
import { jobDate } from "./wire-dates";

/** GET /v2/job/{uid}: status is only "active" or "completed" (API.md §7). */
export function jobToWire(job: JobRec, core: SimCore) {
  const device = core.tenant.devices[job.deviceIdx]!;
  const done = isFinished(deploymentStatus(job, device, core.clock.now()));
  return {
    id: job.id,
    uid: job.uid,
    name: job.name,
    dateCreated: jobDate(job.createdAt, core.jobDateFormat),
    status: done ? "completed" : "active",
  };
}

export const jobComponentsOf = (job: JobRec) => [
  {
    uid: job.componentUid,
    name: findComponent(job.componentUid)?.name ?? "Unknown component",
    variables: job.variables,
  },
];
