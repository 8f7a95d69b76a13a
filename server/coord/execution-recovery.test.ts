import { describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { executorLeaseName } from "../store/port/executor-repo";
import type { NewJobRun } from "../store/port/job-run-repo";
import { useSqliteHarness } from "../testing/store/sqlite-harness";
import { EXECUTOR_LEASE } from "./executor-lease";
import { createExecutionRecovery, settleableRows } from "./execution-recovery";
import { createJobDispatcher } from "../jobs/dispatcher";
import type { DattoApi } from "../datto/api/create-datto-api";
import type { JobTracker } from "../jobs/job-tracker";
import { createLiveBus } from "../live/live-bus";

const logger = createLogger({ level: "error" });

const run = (id: string): NewJobRun => ({
  id,
  requester: "ann",
  requesterKind: "person",
  requesterId: "u1",
  requesterKey: "person:u1",
  approvedBy: null,
  componentUid: "c1",
  componentName: "Disk Cleanup",
  jobName: "Disk Cleanup (requested by ann)",
  variables: [],
  idempotencyKey: `key-${id}`,
  requestHash: "h1",
  targets: [
    { deviceUid: "d1", hostname: "WS-1", siteUid: "s1", siteName: "Main" },
    { deviceUid: "d2", hostname: "WS-2", siteUid: "s1", siteName: "Main" },
  ],
});

describe("execution recovery (decision 0030)", () => {
  const open = useSqliteHarness();

  it("with several instances settles only runs whose executor's lease lapsed", async () => {
    const { store, clock } = await open();
    const lease = (id: string) =>
      store.instanceLock.acquire({
        name: executorLeaseName(id),
        holder: { id, pid: 1, host: "h" },
        now: clock.now(),
        ttlMs: EXECUTOR_LEASE.ttlMs,
      });
    // "live" keeps its lease; "dead" stopped renewing; "unclaimed" was stored a moment ago.
    for (const id of ["live", "dead", "unclaimed", "mine"]) await store.jobRuns.createOnce(run(id));
    await lease("live");
    await lease("dead");
    for (const id of ["live", "dead", "mine"]) {
      expect(await store.executors.claim("job-run", id, id === "mine" ? "me" : id)).toBe(true);
      await store.jobRuns.updateTarget(id, "d1", { status: "sending" });
    }
    const dispatcher = createJobDispatcher({
      store,
      datto: {} as DattoApi,
      clock,
      logger,
      live: createLiveBus(),
      tracker: {} as JobTracker,
      executorId: "me",
    });
    const recovery = createExecutionRecovery({
      settleable: settleableRows({ store, clock, executorId: "me", alone: false }),
      parts: [dispatcher],
      logger,
    });
    const statuses = async (id: string) =>
      (await store.jobRuns.get(id))!.targets.map((t) => t.status);

    await recovery.runOnce();
    for (const id of ["live", "dead", "unclaimed", "mine"]) {
      expect(await statuses(id)).toEqual(
        id === "unclaimed" ? ["queued", "queued"] : ["sending", "queued"],
      );
    }

    await clock.advance(EXECUTOR_LEASE.ttlMs);
    await store.instanceLock.renew({
      name: executorLeaseName("live"),
      holderId: "live",
      now: clock.now(),
      ttlMs: EXECUTOR_LEASE.ttlMs,
    });
    await recovery.runOnce();
    expect(await statuses("live")).toEqual(["sending", "queued"]);
    expect(await statuses("mine")).toEqual(["sending", "queued"]);
    expect(await statuses("dead")).toEqual(["outcome-unknown", "not-sent"]);
    expect(await statuses("unclaimed")).toEqual(["not-sent", "not-sent"]);
  });

  it("alone settles every row a previous process left, as before several instances", async () => {
    const { store, clock } = await open();
    await store.jobRuns.createOnce(run("old"));
    await store.executors.claim("job-run", "old", "previous-process");
    await store.jobRuns.updateTarget("old", "d1", { status: "sending" });
    await store.instanceLock.acquire({
      name: executorLeaseName("previous-process"),
      holder: { id: "previous-process", pid: 1, host: "h" },
      now: clock.now(),
      ttlMs: EXECUTOR_LEASE.ttlMs,
    });
    const settle = settleableRows({ store, clock, executorId: "me", alone: true });
    expect(await settle("job-run", [{ id: "old", since: clock.now() }])).toEqual(new Set(["old"]));
  });
});
