import {
  componentSeed,
  type ComponentDef,
  findComponent,
  rolledOutcome,
} from "./components-catalog";
import { resolveAlert } from "./generate-alerts";
import { logicalDisksOf } from "./hardware";
import { platformOf } from "./hardware-models";
import { alertsOnDisk } from "./alert-contexts";
import { hash32, uuidFrom, rngFor } from "./prng";
import type { JobRec, Tenant } from "./tenant";
import type { DeviceRec } from "./tenant-types";
import { AUTO_RESOLVED_BY, JOB_EXPIRY_MS } from "./unknowns";

export type DeploymentStatus =
  "Pending" | "Running" | "Success" | "Warning" | "Failure" | "Expired";
export type JobOutcome = "Success" | "Warning" | "Failure";

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
  if (component.script === "disk-cleanup") tenant.jobsWithEffects.push(job);
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

export const variableOf = (job: Pick<JobRec, "variables">, name: string) =>
  job.variables.find((v) => v.name === name)?.value ?? "";

/**
 * How a run ends, the same every time for a component, device and variables: scripts written for
 * Windows fail elsewhere, a missing service or drive fails, and otherwise the (component, device)
 * pair decides (rolledOutcome).
 */
export function outcomeOf(
  job: Pick<JobRec, "componentUid" | "variables">,
  device: DeviceRec,
): JobOutcome {
  const component = findComponent(job.componentUid);
  if (component?.windowsOnly && platformOf(device.kind) !== "windows") return "Failure";
  if (component?.script === "restart-service") {
    const service = variableOf(job, "serviceName");
    if (!/^[A-Za-z0-9_.-]+$/.test(service) || service.toLowerCase().startsWith("nosuch"))
      return "Failure";
  }
  if (component?.script === "disk-cleanup") {
    const drive = variableOf(job, "drive").toUpperCase();
    if (!logicalDisksOf(device).some((d) => d.diskIdentifier === drive)) return "Failure";
  }
  return rolledOutcome(job.componentUid, device.uid);
}

export function deploymentStatus(job: JobRec, device: DeviceRec, now: number): DeploymentStatus {
  if (job.startAt === null) return now >= job.createdAt + JOB_EXPIRY_MS ? "Expired" : "Pending";
  if (now < job.startAt) return "Pending";
  if (now < job.startAt + runDuration(job.componentUid, device.uid)) return "Running";
  return outcomeOf(job, device);
}

export function isFinished(status: DeploymentStatus): boolean {
  return status !== "Pending" && status !== "Running";
}

/**
 * What finished runs change in the tenant: a clean-up that worked frees the drive, and the
 * disk-space alert on it clears (resolvedBy System, at the moment the run ended).
 */
export function applyJobEffects(tenant: Tenant, now: number): void {
  tenant.jobsWithEffects = tenant.jobsWithEffects.filter((job) => {
    const device = tenant.devices[job.deviceIdx];
    if (!device) return false;
    const status = deploymentStatus(job, device, now);
    if (status === "Expired") return false;
    if (!isFinished(status) || job.startAt === null) return true;
    if (status !== "Failure") {
      const endedAt = job.startAt + runDuration(job.componentUid, device.uid);
      for (const alert of alertsOnDisk(tenant, device, variableOf(job, "drive").toUpperCase()))
        resolveAlert(tenant, alert, AUTO_RESOLVED_BY, endedAt);
    }
    return false;
  });
}
