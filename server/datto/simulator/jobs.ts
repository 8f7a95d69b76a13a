import { componentSeed, type ComponentDef, findComponent } from "./components-catalog";
import { hash32, uuidFrom, rngFor } from "./prng";
import type { JobRec, Tenant } from "./tenant";
import type { DeviceRec } from "./tenant-types";
import { JOB_EXPIRY_MS } from "./unknowns";

export type DeploymentStatus =
  "Pending" | "Running" | "Success" | "Warning" | "Failure" | "Expired";

export function createJob(
  tenant: Tenant,
  device: DeviceRec,
  component: ComponentDef,
  name: string,
  variables: Array<{ name: string; value: string }>,
  now: number,
): JobRec {
  const n = tenant.ids.job++;
  const job: JobRec = {
    id: n,
    uid: uuidFrom(rngFor(tenant.seed, "job", n)),
    name,
    createdAt: now,
    deviceIdx: device.idx,
    componentUid: component.uid,
    variables,
    startAt: device.online ? now + pickupDelay(component.uid, device.uid) : null,
  };
  tenant.jobs.set(job.uid, job);
  if (job.startAt === null) {
    const waiting = tenant.waitingJobs.get(device.idx) ?? [];
    waiting.push(job);
    tenant.waitingJobs.set(device.idx, waiting);
  }
  return job;
}

/** Datto queues jobs for offline devices and runs them when they return (API.md §7). */
export function releaseWaitingJobs(tenant: Tenant, device: DeviceRec, at: number): void {
  const waiting = tenant.waitingJobs.get(device.idx);
  if (!waiting) return;
  tenant.waitingJobs.delete(device.idx);
  for (const job of waiting) {
    if (at < job.createdAt + JOB_EXPIRY_MS)
      job.startAt = at + pickupDelay(job.componentUid, device.uid);
  }
}

function pickupDelay(componentUid: string, deviceUid: string): number {
  return 3_000 + (componentSeed(componentUid, deviceUid) % 25) * 1000;
}

export function runDuration(componentUid: string, deviceUid: string): number {
  return 15_000 + (hash32("duration", componentUid, deviceUid) % 150) * 1000;
}

/** Deterministic per component and device (and the variables that decide the result). */
export function outcomeOf(job: JobRec, deviceUid: string): "Success" | "Warning" | "Failure" {
  const component = findComponent(job.componentUid);
  if (component?.output === "restart-service") {
    const service = job.variables.find((v) => v.name === "serviceName")?.value ?? "Spooler";
    if (!/^[A-Za-z0-9_.-]+$/.test(service) || service.toLowerCase().startsWith("nosuch"))
      return "Failure";
  }
  const roll = componentSeed(job.componentUid, deviceUid) % 100;
  if (roll < 72) return "Success";
  if (roll < 87) return "Warning";
  return "Failure";
}

export function deploymentStatus(job: JobRec, deviceUid: string, now: number): DeploymentStatus {
  if (job.startAt === null) return now >= job.createdAt + JOB_EXPIRY_MS ? "Expired" : "Pending";
  if (now < job.startAt) return "Pending";
  if (now < job.startAt + runDuration(job.componentUid, deviceUid)) return "Running";
  return outcomeOf(job, deviceUid);
}

export function isFinished(status: DeploymentStatus): boolean {
  return status !== "Pending" && status !== "Running";
}
