import { createHash, randomUUID } from "node:crypto";
import { actorKey, actorName, actorId, type Actor } from "../contract/actor";
import type { Component } from "../contract/components";
import type { DeviceRow } from "../contract/devices";
import {
  CONFIRM_ABOVE,
  type JobOutput,
  type JobPreview,
  type JobRun,
  type JobRunSummary,
  type JobListQuery,
  type TargetStatus,
} from "../contract/jobs";
import type { ComponentCatalog } from "../components/component-catalog";
import { authorize } from "../auth/authorize";
import { recordEvent } from "../events/record-event";
import type { FleetIndex } from "../fleet/fleet-index";
import type { Clock } from "../lib/clock";
import { refusal, type Outcome } from "../lib/outcome";
import type { JobVariable } from "../store/port/job-run-repo";
import type { Store } from "../store/port/store";
import type { JobDispatcher } from "./dispatcher";
import { jobNameFor } from "./job-name";
import type { JobTracker } from "./job-tracker";
import { estimateDispatchMs, toSummary, toTarget } from "./job-views";
import { suspiciousLines } from "./output-safety";
import { resolveComponent, resolveDevices } from "./job-targets";
import { resolveVariables } from "./variables";

/** What a launch names: the component (uid or name) and the devices, by uid or as a selection. */
export type JobRequestInput = {
  /** A component uid or name; `componentUid`/`componentName` say which it is. */
  component?: string;
  componentUid?: string;
  componentName?: string;
  deviceUids?: readonly string[];
  /** A device browser selection: its query in URL form and the count the person saw. */
  target?: { query: string; count: number };
  variables?: Readonly<Record<string, string | number | boolean>>;
};

export type LaunchJobInput = JobRequestInput & {
  idempotencyKey: string;
  /** Who approved it (approvals, issue 11): put in the job name beside the requester. */
  approvedBy?: string | null;
  /** Above CONFIRM_ABOVE devices a person must send the count they typed. */
  confirmCount?: number;
};

type Resolved = {
  component: Component;
  variables: JobVariable[];
  devices: DeviceRow[];
  jobName: string;
};

export type RecentFailure = {
  runId: string;
  componentName: string;
  requester: string;
  deviceUid: string;
  hostname: string;
  siteUid: string;
  siteName: string;
  status: TargetStatus;
  detail: string | null;
  at: number;
};

export interface Jobs {
  /** What a launch would do, checked in full (nothing is sent). */
  preview(actor: Actor, input: JobRequestInput): Promise<Outcome<{ preview: JobPreview }>>;
  /** Stores the run and starts sending it; the same idempotency key answers the same run. */
  launchJob(
    actor: Actor,
    input: LaunchJobInput,
  ): Promise<Outcome<{ run: JobRun; replayed: boolean }>>;
  get(actor: Actor, id: string): Promise<Outcome<{ run: JobRun }>>;
  list(actor: Actor, query: JobListQuery): Promise<Outcome<{ runs: JobRunSummary[] }>>;
  output(
    actor: Actor,
    id: string,
    deviceUid: string,
    which: "stdout" | "stderr",
  ): Promise<Outcome<{ output: JobOutput }>>;
  /** Targets that ended badly since then, newest first (the wall). */
  recentFailures(sinceMs: number): Promise<RecentFailure[]>;
}

const hashRequest = (r: Resolved) =>
  createHash("sha256")
    .update(
      JSON.stringify({
        component: r.component.uid,
        devices: r.devices.map((d) => d.uid).sort(),
        variables: r.variables,
      }),
    )
    .digest("hex");

export function createJobs(deps: {
  store: Store;
  fleet: FleetIndex;
  components: ComponentCatalog;
  clock: Clock;
  dispatcher: JobDispatcher;
  tracker: JobTracker;
  writesPerMinute: number;
}): Jobs {
  const { store, fleet, components, clock, dispatcher, tracker } = deps;

  async function resolve(
    actor: Actor,
    input: JobRequestInput,
    approvedBy: string | null,
  ): Promise<Outcome<Resolved>> {
    const denied = authorize(actor, "jobs:run");
    if (denied) return denied;
    const component = await resolveComponent(components, input);
    if (!component.ok) return component;
    const variables = resolveVariables(component.component, input.variables ?? {});
    if (!variables.ok) return variables;
    const devices = await resolveDevices(fleet, input);
    if (!devices.ok) return devices;
    return {
      ok: true,
      component: component.component,
      variables: variables.variables,
      devices: devices.devices,
      jobName: jobNameFor(component.component.name, actorName(actor), approvedBy),
    };
  }

  async function runView(id: string): Promise<JobRun | null> {
    const found = await store.jobRuns.get(id);
    if (!found) return null;
    const handled = found.targets.filter((t) => t.status !== "queued" && t.status !== "sending");
    return {
      ...toSummary(found.run),
      variables: found.run.variables,
      targets: found.targets.map(toTarget),
      dispatch: { sent: handled.length, total: found.targets.length },
    };
  }

  return {
    async preview(actor, input) {
      const resolved = await resolve(actor, input, null);
      if (!resolved.ok) return resolved;
      const { component, devices } = resolved;
      return {
        ok: true,
        preview: {
          componentUid: component.uid,
          componentName: component.name,
          credentialsRequired: component.credentialsRequired,
          jobName: resolved.jobName,
          variables: resolved.variables,
          targets: devices.map((d) => ({
            deviceUid: d.uid,
            hostname: d.hostname,
            siteName: d.siteName,
            online: d.online,
            operatingSystem: d.operatingSystem,
          })),
          offline: devices.filter((d) => !d.online).length,
          confirmCountRequired: devices.length > CONFIRM_ABOVE,
          estimatedDispatchMs: estimateDispatchMs(devices.length, deps.writesPerMinute),
        },
      };
    },

    async launchJob(actor, input) {
      const resolved = await resolve(actor, input, input.approvedBy ?? null);
      if (!resolved.ok) return resolved;
      const count = resolved.devices.length;
      if (actor.kind === "person" && count > CONFIRM_ABOVE && input.confirmCount !== count) {
        return refusal(
          "invalid",
          "confirm_count",
          `This run targets ${count} devices: type ${count} to confirm.`,
          { count },
        );
      }
      if (actor.kind === "cli") {
        return refusal("forbidden", "forbidden", "Jobs cannot be launched from the command line.");
      }
      const requestHash = hashRequest(resolved);
      const created = await store.transaction(async (tx) => {
        const result = await tx.jobRuns.createOnce({
          id: randomUUID(),
          requester: actorName(actor),
          requesterKind: actor.kind,
          requesterId: actorId(actor),
          requesterKey: actorKey(actor),
          approvedBy: input.approvedBy ?? null,
          componentUid: resolved.component.uid,
          componentName: resolved.component.name,
          jobName: resolved.jobName,
          variables: resolved.variables,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          targets: resolved.devices.map((d) => ({
            deviceUid: d.uid,
            hostname: d.hostname,
            siteUid: d.siteUid,
            siteName: d.siteName,
          })),
        });
        if (result.created) {
          await recordEvent(tx.events, actor, {
            kind: "job.launched",
            target: result.run.id,
            detail: {
              component: resolved.component.name,
              devices: count,
              ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
            },
          });
        }
        return result;
      });
      if (!created.created && created.run.requestHash !== requestHash) {
        return refusal(
          "conflict",
          "idempotency_key_reused",
          "This idempotency key already launched a different run: use a new key for a new launch.",
          { id: created.run.id },
        );
      }
      if (created.created) {
        if (actor.kind === "person") {
          await store.componentPrefs.markUsed(actor.userId, resolved.component.uid, clock.now());
        }
        void dispatcher.dispatch(created.run.id);
        tracker.watch(created.run.id);
      }
      const run = await runView(created.run.id);
      return { ok: true, run: run!, replayed: !created.created };
    },

    async get(actor, id) {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      const run = await runView(id);
      if (!run) return refusal("not-found", "not_found", "No such job run.");
      if (run.state !== "finished") tracker.watch(id);
      return { ok: true, run };
    },

    async list(actor, query) {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      const status = query.status;
      const runs = await store.jobRuns.list({
        ...(status === "problems" ? { problems: true } : status ? { state: status } : {}),
        ...(query.requester ? { requester: query.requester } : {}),
        ...(query.component ? { component: query.component } : {}),
        ...(query.deviceUid ? { deviceUid: query.deviceUid } : {}),
        ...(query.siteUid ? { siteUid: query.siteUid } : {}),
        ...(query.before !== undefined ? { before: query.before } : {}),
        limit: query.limit ?? 50,
      });
      return { ok: true, runs: runs.map(toSummary) };
    },

    async output(actor, id, deviceUid, which) {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      const found = await store.jobRuns.get(id);
      const target = found?.targets.find((t) => t.deviceUid === deviceUid);
      if (!target) return refusal("not-found", "not_found", "No such device in this job run.");
      const text = which === "stdout" ? target.stdout : target.stderr;
      return {
        ok: true,
        output: { text, available: text !== null, suspiciousLines: suspiciousLines(text) },
      };
    },

    async recentFailures(sinceMs) {
      const ended = await store.jobRuns.endedSince(
        sinceMs,
        ["Failure", "Expired", "outcome-unknown"],
        200,
      );
      return ended.map(({ run, target }) => ({
        runId: run.id,
        componentName: run.componentName,
        requester: run.requester,
        deviceUid: target.deviceUid,
        hostname: target.hostname,
        siteUid: target.siteUid,
        siteName: target.siteName,
        status: target.status,
        detail: target.detail,
        at: target.finishedAt ?? run.createdAt,
      }));
    },
  };
}
