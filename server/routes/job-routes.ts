import { Hono, type Context } from "hono";
import type { AppEnv } from "../contract/actor";
import { csvCell } from "../contract/csv";
import {
  JobIdParamSchema,
  JobListQuerySchema,
  JobOutputParamSchema,
  JobRequestSchema,
  LaunchJobBodySchema,
  type JobListResponse,
  type JobOutput,
  type JobPreview,
  type JobRun,
} from "../contract/jobs";
import type { Jobs } from "../jobs/jobs";
import type { Clock } from "../lib/clock";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

export type JobRoutesDeps = { jobs: Jobs; clock: Clock; guard: Guard };

type OutputInput = {
  in: { param: { id: string; deviceUid: string } };
  out: { param: { id: string; deviceUid: string } };
};

const date = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

/** Mounted at /api/jobs: launch (technicians and up), history, one run, its outputs (everyone). */
export function createJobRoutes({ jobs, guard }: JobRoutesDeps) {
  const outputRoute = (stream: "stdout" | "stderr") =>
    [
      ...guard({ needs: "fleet:read" }, validate("param", JobOutputParamSchema)),
      async (c: Context<AppEnv, string, OutputInput>) => {
        const { id, deviceUid } = c.req.valid("param");
        const result = await jobs.output(actorOf(c), id, deviceUid, stream);
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.output satisfies JobOutput, 200);
      },
    ] as const;
  return new Hono<AppEnv>()
    .get(
      "/",
      ...guard({ needs: "fleet:read" }, validate("query", JobListQuerySchema)),
      async (c) => {
        const result = await jobs.list(actorOf(c), c.req.valid("query"));
        if (!result.ok) return refusalResponse(c, result);
        return c.json({ runs: result.runs } satisfies JobListResponse, 200);
      },
    )
    .post(
      "/preview",
      ...guard({ needs: "jobs:run", callsDatto: true }, validate("json", JobRequestSchema)),
      async (c) => {
        try {
          const result = await jobs.preview(actorOf(c), c.req.valid("json"));
          if (!result.ok) return refusalResponse(c, result);
          return c.json(result.preview satisfies JobPreview, 200);
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    )
    .post(
      "/",
      ...guard({ needs: "jobs:run", callsDatto: true }, validate("json", LaunchJobBodySchema)),
      async (c) => {
        try {
          const result = await jobs.launchJob(actorOf(c), c.req.valid("json"));
          if (!result.ok) return refusalResponse(c, result);
          return c.json(
            { id: result.run.id, replayed: result.replayed },
            result.replayed ? 200 : 201,
          );
        } catch (error) {
          return dattoErrorOrRethrow(c, error);
        }
      },
    )
    .get(
      "/:id",
      ...guard({ needs: "fleet:read" }, validate("param", JobIdParamSchema)),
      async (c) => {
        const result = await jobs.get(actorOf(c), c.req.valid("param").id);
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.run satisfies JobRun, 200);
      },
    )
    .get(
      "/:id/outputs.csv",
      ...guard({ needs: "fleet:read" }, validate("param", JobIdParamSchema)),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid("param");
        const result = await jobs.get(actor, id);
        if (!result.ok) return refusalResponse(c, result);
        const header = [
          "hostname",
          "site",
          "status",
          "ranOn",
          "warnings",
          "detail",
          "stdout",
          "stderr",
        ];
        const lines = [header.map(csvCell).join(",")];
        for (const t of result.run.targets) {
          const out = await jobs.output(actor, id, t.deviceUid, "stdout");
          const err = await jobs.output(actor, id, t.deviceUid, "stderr");
          lines.push(
            [
              t.hostname,
              t.siteName,
              t.status,
              date(t.ranOn),
              t.warnings,
              t.detail,
              out.ok ? out.output.text : "",
              err.ok ? err.output.text : "",
            ]
              .map(csvCell)
              .join(","),
          );
        }
        return c.body(`${lines.join("\r\n")}\r\n`, 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="job-${id}-outputs.csv"`,
        });
      },
    )
    .get("/:id/devices/:deviceUid/stdout", ...outputRoute("stdout"))
    .get("/:id/devices/:deviceUid/stderr", ...outputRoute("stderr"));
}
