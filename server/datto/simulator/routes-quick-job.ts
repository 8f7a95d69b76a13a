import type { Context } from "hono";
import { z } from "zod";
import { recordActivity } from "./activity";
import {
  type ComponentDef,
  findComponent,
  isConvertible,
  withDefaults,
} from "./components-catalog";
import { jobComponentsOf, jobToWire } from "./job-wire";
import { createJob } from "./jobs";
import { badRequest, dattoError, DROP_HEADER, notFound } from "./responses";
import { route } from "./route-kit";
import type { SimCore } from "./sim-core";
import { findDevice } from "./tenant";
import { CREDENTIALS_REQUIRED_RUNS, NON_RUNNABLE_CLASS_STATUS } from "./unknowns";
import { WRITE_OPERATION } from "./write-operations";

/** How long a "timeout" quick job hangs before a load balancer would answer 504. */
const HUNG_ANSWER_AFTER_MS = 5 * 60_000;

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
type QuickJobBody = z.infer<typeof QuickJobSchema>;

/** The variables the job runs with, or the 400 message for one the component does not take. */
function variablesFor(component: ComponentDef, body: QuickJobBody) {
  const given = body.jobComponent.variables ?? [];
  for (const v of given) {
    const def = component.variables.find((d) => d.name === v.name);
    if (!def) return `Variable '${v.name}' is not defined for component ${component.uid}`;
    if (!isConvertible(def, v.value))
      return `Value of variable '${v.name}' cannot be converted to ${def.type}`;
  }
  return withDefaults(component, given);
}

/** The next fault the control surface asked for, if any (counted down). */
function takeFault(core: SimCore) {
  const fault = core.quickJobFaults;
  if (!fault || fault.remaining <= 0) return null;
  fault.remaining--;
  if (fault.remaining === 0) core.quickJobFaults = null;
  return fault;
}

/** A dropped connection, or an answer that never comes (until the caller gives up). */
async function failed(c: Context, core: SimCore, mode: "drop" | "timeout"): Promise<Response> {
  if (mode === "drop") {
    core.counters.dropped++;
    return new Response(null, { status: 502, headers: { [DROP_HEADER]: "1" } });
  }
  await core.clock.sleep(HUNG_ANSWER_AFTER_MS, c.req.raw.signal);
  return c.html("<html><body><h1>504 Gateway Time-out</h1></body></html>", 504);
}

async function createQuickJob(c: Context, core: SimCore): Promise<Response> {
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
  if (component.credentialsRequired && !CREDENTIALS_REQUIRED_RUNS)
    return badRequest(c, core, `Component ${component.uid} needs credentials`);
  const variables = variablesFor(component, body.data);
  if (typeof variables === "string") return badRequest(c, core, variables);
  const fault = takeFault(core);
  if (fault && !fault.jobCreated) return failed(c, core, fault.mode);
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
  if (fault) return failed(c, core, fault.mode);
  return c.json({ job: jobToWire(job, core), jobComponents: jobComponentsOf(job) });
}

/** PUT /v2/device/{deviceUid}/quickjob: one device per call (API.md §7). */
export const quickJobRoutes = [
  route(
    "PUT",
    "/v2/device/{deviceUid}/quickjob",
    { write: WRITE_OPERATION.jobCreate },
    createQuickJob,
  ),
];
