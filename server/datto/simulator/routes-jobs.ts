import type { Context } from "hono";
import { z } from "zod";
import { COMPONENTS, componentToWire, findComponent, isConvertible } from "./components-catalog";
import { createJob, deploymentStatus, isFinished } from "./jobs";
import { recordActivity } from "./activity";
import { badRequest, dattoError, notFound, sendJson, sendPage } from "./responses";
import { route } from "./route-kit";
import type { SimCore } from "./sim-core";
import { stderrFor, stdoutFor } from "./job-output";
import { findDevice, type JobRec } from "./tenant";
import { jobDate } from "./wire-dates";
import { WRITE_OPERATION } from "./write-operations";
import { NO_STD_DATA, NON_RUNNABLE_CLASS_STATUS } from "./unknowns";

// Without the nested jobComponent (the flat body one SDK sends) Datto cannot read the request
// (API.md §7); unknown extra keys are ignored, as Spring does by default.
const QuickJobSchema = z.object({
  jobName: z.string(),
  jobComponent: z.object({
    componentUid: z.string(),
    variables: z
      .array(
        z.object({
          name: z.string(),
          value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
        }),
      )
      .optional(),
  }),
});

function jobToWire(job: JobRec, core: SimCore) {
  const deviceUid = core.tenant.devices[job.deviceIdx]?.uid ?? "";
  const done = isFinished(deploymentStatus(job, deviceUid, core.clock.now()));
  return {
    id: job.id,
    uid: job.uid,
    name: job.name,
    dateCreated: jobDate(job.createdAt, core.jobDateFormat),
    status: done ? "completed" : "active",
  };
}

const jobComponentsOf = (job: JobRec) => {
  const component = findComponent(job.componentUid);
  return [
    {
      uid: job.componentUid,
      name: component?.name ?? "Unknown component",
      variables: job.variables,
    },
  ];
};

/** The job and the device's run of it, or the 404 Datto answers. */
function resultTarget(c: Context, core: SimCore) {
  const job = core.tenant.jobs.get(c.req.param("jobUid") ?? "");
  const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
  if (!job || !device || job.deviceIdx !== device.idx) return null;
  const component = findComponent(job.componentUid);
  if (!component) return null;
  return { job, device, component, status: deploymentStatus(job, device.uid, core.clock.now()) };
}

type Std = "stdout" | "stderr";

/** Output exists only once a run finished and says so; otherwise NO_STD_DATA (unknowns.ts). */
function stdData(c: Context, core: SimCore, which: Std) {
  const target = resultTarget(c, core);
  if (!target) return notFound(c, core, "Job result");
  const { job, device, component, status } = target;
  const finished = isFinished(status) && status !== "Expired";
  const hasOut = finished && component.printsStdOut;
  const hasErr = finished && status !== "Success";
  if (which === "stdout" ? !hasOut : !hasErr) return c.json(NO_STD_DATA);
  const stdData =
    which === "stdout"
      ? stdoutFor(job, component, device, status)
      : stderrFor(component, device, status);
  return c.json([{ componentUid: component.uid, componentName: component.name, stdData }]);
}

export const jobRoutes = [
  route("GET", "/v2/account/components", "read", (c, core) =>
    sendPage(c, core, "components", COMPONENTS, componentToWire),
  ),
  route(
    "PUT",
    "/v2/device/{deviceUid}/quickjob",
    { write: WRITE_OPERATION.jobCreate },
    async (c, core) => {
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch {
        return badRequest(c, core, "Failed to read request");
      }
      const body = QuickJobSchema.safeParse(raw);
      if (!body.success) return badRequest(c, core, "Failed to read request");
      const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
      if (!device) return notFound(c, core, "Device");
      const component = findComponent(body.data.jobComponent.componentUid);
      if (!component) return notFound(c, core, "Component");
      if (device.deviceClass !== "device")
        return dattoError(
          c,
          core,
          NON_RUNNABLE_CLASS_STATUS,
          "Bad Request",
          `Device of class '${device.deviceClass}' cannot run components`,
        );
      const given = body.data.jobComponent.variables ?? [];
      for (const v of given) {
        const def = component.variables.find((d) => d.name === v.name);
        if (!def)
          return badRequest(
            c,
            core,
            `Variable '${v.name}' is not defined for component ${component.uid}`,
          );
        if (!isConvertible(def, v.value))
          return badRequest(
            c,
            core,
            `Value of variable '${v.name}' cannot be converted to ${def.type}`,
          );
      }
      const variables = component.variables.map((def) => ({
        name: def.name,
        value: given.find((v) => v.name === def.name)?.value ?? def.defaultVal,
      }));
      const job = createJob(
        core.tenant,
        device,
        component,
        body.data.jobName,
        variables,
        core.clock.now(),
      );
      recordActivity(core.tenant, {
        at: job.createdAt,
        entity: "DEVICE",
        category: "job",
        action: "create",
        deviceIdx: device.idx,
        details: { jobUid: job.uid, jobName: job.name, componentName: component.name },
      });
      return c.json({ job: jobToWire(job, core), jobComponents: jobComponentsOf(job) });
    },
  ),
  route("GET", "/v2/job/{jobUid}", "read", (c, core) => {
    const job = core.tenant.jobs.get(c.req.param("jobUid") ?? "");
    return job ? c.json(jobToWire(job, core)) : notFound(c, core, "Job");
  }),
  route("GET", "/v2/job/{jobUid}/components", "read", (c, core) => {
    const job = core.tenant.jobs.get(c.req.param("jobUid") ?? "");
    return job
      ? sendPage(c, core, "jobComponents", jobComponentsOf(job), (x) => x)
      : notFound(c, core, "Job");
  }),
  route("GET", "/v2/job/{jobUid}/results/{deviceUid}", "read", (c, core) => {
    const target = resultTarget(c, core);
    if (!target) return notFound(c, core, "Job result");
    const { job, device, component, status } = target;
    const finished = isFinished(status) && status !== "Expired";
    return sendJson(c, core, "job-result", {
      jobUid: job.uid,
      deviceUid: device.uid,
      ranOn:
        status === "Pending" || status === "Expired" || job.startAt === null
          ? null
          : jobDate(job.startAt, core.jobDateFormat),
      jobDeploymentStatus: status,
      componentResults: finished
        ? [
            {
              componentUid: component.uid,
              componentName: component.name,
              componentStatus: status === "Failure" ? "Failure" : "Success",
              numberOfWarnings: status === "Warning" ? 1 + (device.seed % 3) : 0,
              hasStdOut: component.printsStdOut,
              hasStdErr: status !== "Success",
            },
          ]
        : [],
    });
  }),
  route("GET", "/v2/job/{jobUid}/results/{deviceUid}/stdout", "read", (c, core) =>
    stdData(c, core, "stdout"),
  ),
  route("GET", "/v2/job/{jobUid}/results/{deviceUid}/stderr", "read", (c, core) =>
    stdData(c, core, "stderr"),
  ),
];
