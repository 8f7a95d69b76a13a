import type { Context } from "hono";
import { COMPONENTS, componentToWire, findComponent } from "./components-catalog";
import { type DeploymentStatus, deploymentStatus, type JobOutcome } from "./jobs";
import { jobComponentsOf, jobToWire } from "./job-wire";
import { notFound, sendJson, sendPage } from "./responses";
import { route } from "./route-kit";
import type { SimCore } from "./sim-core";
import { stderrFor, stdoutFor } from "./job-output";
import { findDevice } from "./tenant";
import { NO_STD_DATA } from "./unknowns";
import { jobDate } from "./wire-dates";

/** The job and the device's run of it, or the 404 Datto answers. */
function resultTarget(c: Context, core: SimCore) {
  const job = core.tenant.jobs.get(c.req.param("jobUid") ?? "");
  const device = findDevice(core.tenant, c.req.param("deviceUid") ?? "");
  if (!job || !device || job.deviceIdx !== device.idx) return null;
  const component = findComponent(job.componentUid);
  if (!component) return null;
  return { job, device, component, status: deploymentStatus(job, device, core.clock.now()) };
}

type Std = "stdout" | "stderr";

/** The outcome of a run that finished, null while it waits, runs, or when it expired unrun. */
const outcomeOnly = (status: DeploymentStatus): JobOutcome | null =>
  status === "Success" || status === "Warning" || status === "Failure" ? status : null;

/** Output exists only once a run finished and says so; otherwise NO_STD_DATA (unknowns.ts). */
function stdData(c: Context, core: SimCore, which: Std) {
  const target = resultTarget(c, core);
  if (!target) return notFound(c, core, "Job result");
  const { job, device, component, status } = target;
  const outcome = outcomeOnly(status);
  const hasOut = outcome !== null && component.printsStdOut;
  const hasErr = outcome !== null && outcome !== "Success";
  if (outcome === null || (which === "stdout" ? !hasOut : !hasErr)) return c.json(NO_STD_DATA);
  const stdData =
    which === "stdout"
      ? stdoutFor(core.tenant, job, component, device, outcome)
      : stderrFor(job, component, device, outcome);
  return c.json([{ componentUid: component.uid, componentName: component.name, stdData }]);
}

export const jobRoutes = [
  route("GET", "/v2/account/components", "read", (c, core) =>
    sendPage(c, core, "components", COMPONENTS, componentToWire),
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
    const outcome = outcomeOnly(status);
    return sendJson(c, core, "job-result", {
      jobUid: job.uid,
      deviceUid: device.uid,
      ranOn:
        status === "Pending" || status === "Expired" || job.startAt === null
          ? null
          : jobDate(job.startAt, core.jobDateFormat),
      jobDeploymentStatus: status,
      componentResults: outcome
        ? [
            {
              componentUid: component.uid,
              componentName: component.name,
              componentStatus: outcome === "Failure" ? "Failure" : "Success",
              numberOfWarnings: outcome === "Warning" ? 1 + (device.seed % 3) : 0,
              hasStdOut: component.printsStdOut,
              hasStdErr: outcome !== "Success",
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
