import { Hono } from "hono";
import { z } from "zod";
import type { ManualClock } from "../../lib/clock";
import { snapshotCounters, emptyCounters, type SimulatorCounters } from "./counters";
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from "./scenarios";
import { type QuickJobFaults, resetCore, setScenario, type SimCore } from "./sim-core";
import { findDevice } from "./tenant";
import { JOB_DATE_FORMATS, type JobDateFormat } from "./wire-dates";
import { advanceWorld, setOnline } from "./world";

export interface SimulatorControl {
  /** Back to the seeded initial state, counters zeroed. Issued tokens stay valid. */
  reset(): void;
  setScenario(name: ScenarioName): void;
  /** Advances the injected clock when it is a ManualClock, else throws. */
  advance(ms: number): Promise<void>;
  counters(): SimulatorCounters;
  resetCounters(): void;
  /** Takes a device on- or offline now; the world's random outages leave it alone afterwards. */
  setDeviceOnline(deviceUid: string, online: boolean): void;
  /** Job.dateCreated and JobResults.ranOn as ISO strings or epoch ms from now on (API.md §6). */
  setJobDateFormat(format: JobDateFormat): void;
  /**
   * The next `count` quick-job PUTs drop the connection or hang, after creating the job (default)
   * or before: a client must report "outcome unknown" and never retry by itself.
   */
  failNextQuickJobs(
    count: number,
    mode: QuickJobFaults["mode"],
    options?: { jobCreated?: boolean },
  ): void;
}

const isManual = (clock: unknown): clock is ManualClock =>
  typeof (clock as Partial<ManualClock>).advance === "function";

export function createControl(core: SimCore): SimulatorControl {
  return {
    reset: () => resetCore(core),
    setScenario: (name) => setScenario(core, name),
    async advance(ms) {
      if (!isManual(core.clock)) {
        throw new Error(
          "The simulator runs on a real clock; advance() needs a ManualClock (createManualClock).",
        );
      }
      await core.clock.advance(ms);
      advanceWorld(core.tenant, core.world, core.clock.now());
    },
    counters: () => snapshotCounters(core.counters),
    resetCounters: () => {
      core.counters = emptyCounters();
    },
    setDeviceOnline(deviceUid, online) {
      const device = findDevice(core.tenant, deviceUid);
      if (!device) throw new Error(`No simulated device ${deviceUid}`);
      advanceWorld(core.tenant, core.world, core.clock.now());
      device.pinned = true;
      setOnline(core.tenant, device, online, core.clock.now());
    },
    setJobDateFormat(format) {
      core.jobDateFormat = format;
    },
    failNextQuickJobs(count, mode, options = {}) {
      core.quickJobFaults =
        count > 0 ? { mode, jobCreated: options.jobCreated ?? true, remaining: count } : null;
    },
  };
}

const ScenarioBody = z.object({ name: z.string() });
const AdvanceBody = z.object({ ms: z.number().int().nonnegative() });
const OnlineBody = z.object({ online: z.boolean() });
const JobDatesBody = z.object({ format: z.enum(JOB_DATE_FORMATS) });
const QuickJobFaultsBody = z.object({
  count: z.number().int().min(0).max(1000),
  mode: z.enum(["drop", "timeout"]),
  jobCreated: z.boolean().optional(),
});

async function json(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return null;
  }
}

/** /__sim/*: outside Datto's namespace, for tests, benches and people driving a standalone run. */
export function createControlRoutes(control: SimulatorControl): Hono {
  const app = new Hono();
  app.post("/reset", (c) => {
    control.reset();
    return c.json({ ok: true });
  });
  app.post("/scenario", async (c) => {
    const body = ScenarioBody.safeParse(await json(c.req.raw));
    if (!body.success || !isScenarioName(body.data.name)) {
      return c.json({ error: `name must be one of ${SCENARIO_NAMES.join(", ")}` }, 400);
    }
    control.setScenario(body.data.name);
    return c.json({ ok: true, scenario: body.data.name });
  });
  app.post("/advance", async (c) => {
    const body = AdvanceBody.safeParse(await json(c.req.raw));
    if (!body.success) return c.json({ error: 'body must be {"ms": <non-negative integer>}' }, 400);
    try {
      await control.advance(body.data.ms);
    } catch (err) {
      return c.json({ error: err instanceof Error ? err.message : "cannot advance" }, 409);
    }
    return c.json({ ok: true });
  });
  app.get("/counters", (c) => c.json(control.counters()));
  app.post("/counters/reset", (c) => {
    control.resetCounters();
    return c.json({ ok: true });
  });
  app.post("/device/:deviceUid/online", async (c) => {
    const body = OnlineBody.safeParse(await json(c.req.raw));
    if (!body.success) return c.json({ error: 'body must be {"online": true|false}' }, 400);
    try {
      control.setDeviceOnline(c.req.param("deviceUid"), body.data.online);
    } catch {
      return c.json({ error: "no such device" }, 404);
    }
    return c.json({ ok: true });
  });
  app.post("/job-dates", async (c) => {
    const body = JobDatesBody.safeParse(await json(c.req.raw));
    if (!body.success)
      return c.json(
        { error: `body must be {"format": ${JOB_DATE_FORMATS.map((f) => `"${f}"`).join(" | ")}}` },
        400,
      );
    control.setJobDateFormat(body.data.format);
    return c.json({ ok: true, format: body.data.format });
  });
  app.post("/quickjob-faults", async (c) => {
    const body = QuickJobFaultsBody.safeParse(await json(c.req.raw));
    if (!body.success)
      return c.json(
        {
          error:
            'body must be {"count": <0-1000>, "mode": "drop" | "timeout", "jobCreated"?: boolean}',
        },
        400,
      );
    const { count, mode, jobCreated } = body.data;
    control.failNextQuickJobs(count, mode, jobCreated === undefined ? {} : { jobCreated });
    return c.json({ ok: true, ...body.data });
  });
  return app;
}
