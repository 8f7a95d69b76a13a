import { createHash, randomUUID } from "node:crypto";
import { actorKey, actorName, actorId, type Actor } from "../contract/actor";
import type { Component } from "../contract/components";
import { DeviceQuerySchema, type DeviceRow } from "../contract/devices";
import {
  CONFIRM_ABOVE,
  MAX_JOB_DEVICES,
  type JobOutput,
  type JobPreview,
  type JobRun,
  type JobRunSummary,
  type JobListQuery,
  type JobTarget,
  type TargetStatus,
} from "../contract/jobs";
import type { ComponentCatalog } from "../components/component-catalog";
import { authorize } from "../auth/authorize";
import { recordEvent } from "../events/record-event";
import type { FleetIndex } from "../fleet/fleet-index";
import type { Clock } from "../lib/clock";
import { refusal, type Outcome } from "../lib/outcome";
import type { JobVariable, StoredJobRun, StoredJobTarget } from "../store/port/job-run-repo";
import type { Store } from "../store/port/store";
import type { JobDispatcher } from "./dispatcher";
import { jobNameFor } from "./job-name";
import type { JobTracker } from "./job-tracker";
import { preview as previewText, suspiciousLines } from "./output-safety";
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

/** Writes per minute: how long sending `n` PUTs takes inside the budget, about. */
export function estimateDispatchMs(n: number, writesPerMinute: number): number {
  const perCall = 250;
  if (n <= writesPerMinute) return n * perCall;
  return Math.ceil((n - writesPerMinute) / writesPerMinute) * 60_000 + writesPerMinute * perCall;
}

function toTarget(t: StoredJobTarget): JobTarget {
  return {
    deviceUid: t.deviceUid,
    hostname: t.hostname,
    siteUid: t.siteUid,
    siteName: t.siteName,
    status: t.status,
    dattoJobUid: t.dattoJobUid,
    detail: t.detail,
    sentAt: t.sentAt,
    ranOn: t.ranOn,
    finishedAt: t.finishedAt,
    warnings: t.warnings,
    hasStdout: t.hasStdout,
    hasStderr: t.hasStderr,
    stdoutPreview: previewText(t.stdout),
    stderrPreview: previewText(t.stderr),
    suspiciousLines: [...suspiciousLines(t.stdout), ...suspiciousLines(t.stderr)].slice(0, 20),
  };
}

export function toSummary(run: StoredJobRun): JobRunSummary {
  return {
    id: run.id,
    createdAt: run.createdAt,
    componentUid: run.componentUid,
    componentName: run.componentName,
    jobName: run.jobName,
    requester: run.requester,
    approvedBy: run.approvedBy,
    state: run.state,
    targetCount: run.targetCount,
    finalCount: run.finalCount,
    problemCount: run.problemCount,
    counts: run.counts,
    finishedAt: run.finishedAt,
    firstHostname: run.firstHostname,
  };
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

const listNames = (names: string[]) =>
  names.length <= 3
    ? names.join(", ")
    : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;

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

  async function resolveComponent(input: JobRequestInput) {
    const wanted = input.componentUid ?? input.componentName ?? input.component ?? "";
    const match = await components.find(wanted);
    if (match.kind === "found") return { ok: true as const, component: match.component };
    const brief = (c: Component) => ({ uid: c.uid, name: c.name });
    if (match.kind === "ambiguous") {
      return refusal(
        "invalid",
        "ambiguous_component",
        `"${wanted}" matches ${match.candidates.length} components: ${listNames(match.candidates.map((c) => c.name))}. Name one exactly.`,
        { candidates: match.candidates.map(brief) },
      );
    }
    const hint =
      match.suggestions.length > 0
        ? ` Did you mean ${listNames(match.suggestions.map((c) => `"${c.name}"`))}?`
        : "";
    return refusal("not-found", "unknown_component", `No component is called "${wanted}".${hint}`, {
      suggestions: match.suggestions.map(brief),
    });
  }

  async function resolveDevices(input: JobRequestInput) {
    const snapshot = fleet.snapshot();
    let devices: DeviceRow[];
    if (input.target) {
      const parsed = DeviceQuerySchema.safeParse(
        Object.fromEntries(new URLSearchParams(input.target.query)),
      );
      if (!parsed.success) {
        return refusal("invalid", "invalid_target", "target.query is not a device query.");
      }
      if (parsed.data.filterId !== undefined) {
        return refusal(
          "invalid",
          "invalid_target",
          "A selection inside a Datto saved filter cannot be launched on: pick the devices, or select them with RMM Deck's own filters.",
        );
      }
      const { offset: _o, limit: _l, ...query } = parsed.data;
      const result = await fleet.queryDevices(query, { unlimited: true });
      if (result.total !== input.target.count) {
        return refusal(
          "conflict",
          "selection_changed",
          `The selection now holds ${result.total} devices, not the ${input.target.count} you confirmed. Check the preview again.`,
          { count: result.total },
        );
      }
      devices = result.rows;
    } else {
      const uids = [...new Set(input.deviceUids ?? [])];
      const unknown = uids.filter((uid) => !snapshot.deviceIndex.has(uid));
      if (unknown.length > 0) {
        return refusal(
          "not-found",
          "unknown_device",
          `No device ${listNames(unknown)} in the fleet: it may be deleted or not synced yet.`,
          { deviceUids: unknown },
        );
      }
      devices = uids.map((uid) => snapshot.devices[snapshot.deviceIndex.get(uid)!]!);
    }
    if (devices.length === 0) {
      return refusal("invalid", "no_devices", "The selection holds no devices.");
    }
    if (devices.length > MAX_JOB_DEVICES) {
      return refusal(
        "invalid",
        "too_many_devices",
        `A run can target at most ${MAX_JOB_DEVICES} devices; this one has ${devices.length}.`,
      );
    }
    const bad = devices.flatMap((d) => {
      if (snapshot.siteRowIndex.get(d.siteUid)?.isDeletedDevices)
        return [{ deviceUid: d.uid, hostname: d.hostname, reason: "is deleted" }];
      if (d.deviceClass !== "device")
        return [
          {
            deviceUid: d.uid,
            hostname: d.hostname,
            reason: `is a ${d.deviceClass}, which cannot run components`,
          },
        ];
      return [];
    });
    if (bad.length > 0) {
      return refusal(
        "invalid",
        "device_not_runnable",
        `Cannot run a component on ${bad
          .map((b) => `${b.hostname} (${b.reason})`)
          .slice(0, 3)
          .join(
            ", ",
          )}${bad.length > 3 ? ` and ${bad.length - 3} more` : ""}. Remove ${bad.length === 1 ? "it" : "them"} and try again.`,
        { devices: bad },
      );
    }
    return { ok: true as const, devices };
  }

  async function resolve(
    actor: Actor,
    input: JobRequestInput,
    approvedBy: string | null,
  ): Promise<Outcome<Resolved>> {
    const denied = authorize(actor, "jobs:run");
    if (denied) return denied;
    const component = await resolveComponent(input);
    if (!component.ok) return component;
    const variables = resolveVariables(component.component, input.variables ?? {});
    if (!variables.ok) return variables;
    const devices = await resolveDevices(input);
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
