import { describe, expect, it } from "vitest";
import type { NewJobRun } from "../../store/port/job-run-repo";
import type { OpenStoreHarness } from "./store-harness";

const newRun = (id: string, key: string, over: Partial<NewJobRun> = {}): NewJobRun => ({
  id,
  requester: "ann",
  requesterKind: "person",
  requesterId: "u1",
  requesterKey: "person:u1",
  approvedBy: null,
  componentUid: "c1",
  componentName: "Disk Cleanup - Temp Files",
  jobName: "Disk Cleanup - Temp Files (requested by ann)",
  variables: [{ name: "days", value: "7" }],
  idempotencyKey: key,
  requestHash: "h1",
  targets: [
    { deviceUid: "d1", hostname: "WS-1", siteUid: "s1", siteName: "Main" },
    { deviceUid: "d2", hostname: "WS-2", siteUid: "s2", siteName: "Branch" },
  ],
  ...over,
});

export function describeJobContract(open: OpenStoreHarness) {
  describe("job runs", () => {
    it("stores a run once per requester and key, with its targets queued", async () => {
      const { store } = await open();
      const first = await store.jobRuns.createOnce(newRun("r1", "key-00001"));
      expect(first.created).toBe(true);
      expect(first.run).toMatchObject({ state: "dispatching", targetCount: 2, finalCount: 0 });
      const again = await store.jobRuns.createOnce(newRun("r2", "key-00001"));
      expect(again).toMatchObject({ created: false, run: { id: "r1" } });
      // Another requester may use the same key.
      const other = await store.jobRuns.createOnce(
        newRun("r3", "key-00001", { requesterKey: "agent:t1" }),
      );
      expect(other.created).toBe(true);
      const got = await store.jobRuns.get("r1");
      expect(got?.targets.map((t) => [t.deviceUid, t.status])).toEqual([
        ["d1", "queued"],
        ["d2", "queued"],
      ]);
      expect(got?.run.variables).toEqual([{ name: "days", value: "7" }]);
      expect(await store.jobRuns.get("nope")).toBeNull();
    });

    it("recomputes a run's counts and state from its targets", async () => {
      const { store, clock } = await open();
      await store.jobRuns.createOnce(newRun("r1", "key-00001"));
      let run = await store.jobRuns.updateTarget("r1", "d1", {
        status: "Pending",
        dattoJobUid: "j1",
        sentAt: clock.now(),
      });
      expect(run).toMatchObject({ state: "dispatching", counts: { Pending: 1, queued: 1 } });
      run = await store.jobRuns.updateTarget("r1", "d2", { status: "outcome-unknown" });
      expect(run).toMatchObject({ state: "running", finalCount: 1, problemCount: 1 });
      await clock.advance(5);
      run = await store.jobRuns.updateTarget("r1", "d1", {
        status: "Success",
        finishedAt: clock.now(),
        hasStdout: true,
        stdout: "done",
      });
      expect(run).toMatchObject({ state: "finished", finalCount: 2, finishedAt: clock.now() });
      const target = (await store.jobRuns.get("r1"))!.targets[0]!;
      expect(target).toMatchObject({ hasStdout: true, stdout: "done", dattoJobUid: "j1" });
      expect(await store.jobRuns.updateTarget("r1", "zz", { status: "Success" })).toBeNull();
    });

    it("lists newest first, filtered, and finds targets by status and what ended lately", async () => {
      const { store, clock } = await open();
      await store.jobRuns.createOnce(newRun("r1", "key-00001"));
      await clock.advance(10);
      await store.jobRuns.createOnce(
        newRun("r2", "key-00002", {
          requester: "bob",
          componentName: "Restart service",
          targets: [{ deviceUid: "d3", hostname: "SRV-1", siteUid: "s1", siteName: "Main" }],
        }),
      );
      const ids = async (f: Parameters<typeof store.jobRuns.list>[0]) =>
        (await store.jobRuns.list(f)).map((r) => r.id);
      expect(await ids({ limit: 10 })).toEqual(["r2", "r1"]);
      expect(await ids({ limit: 10, requester: "bob" })).toEqual(["r2"]);
      expect(await ids({ limit: 10, component: "disk c" })).toEqual(["r1"]);
      expect(await ids({ limit: 10, component: "100%" })).toEqual([]);
      expect(await ids({ limit: 10, deviceUid: "d2" })).toEqual(["r1"]);
      expect(await ids({ limit: 10, siteUid: "s1" })).toEqual(["r2", "r1"]);
      expect(await ids({ limit: 1 })).toEqual(["r2"]);
      expect(await ids({ limit: 10, before: clock.now() })).toEqual(["r1"]);
      await store.jobRuns.updateTarget("r2", "d3", { status: "Failure", finishedAt: clock.now() });
      expect(await ids({ limit: 10, problems: true })).toEqual(["r2"]);
      expect(await ids({ limit: 10, state: "finished" })).toEqual(["r2"]);
      const queued = await store.jobRuns.targetsIn(["queued"]);
      expect(queued.map((t) => t.deviceUid)).toEqual(["d1", "d2"]);
      const ended = await store.jobRuns.endedSince(clock.now() - 1, ["Failure"], 10);
      expect(ended.map((e) => [e.run.id, e.target.hostname])).toEqual([["r2", "SRV-1"]]);
      expect(await store.jobRuns.endedSince(clock.now() + 1, ["Failure"], 10)).toEqual([]);
    });
  });

  describe("component preferences", () => {
    it("keeps favourites and recently used per person", async () => {
      const { store } = await open();
      await store.componentPrefs.setFavourite("u1", "c2", true);
      await store.componentPrefs.markUsed("u1", "c1", 10);
      await store.componentPrefs.markUsed("u1", "c3", 20);
      await store.componentPrefs.markUsed("u1", "c2", 5);
      await store.componentPrefs.setFavourite("u2", "c9", true);
      expect(await store.componentPrefs.get("u1")).toEqual({
        favourites: ["c2"],
        recent: ["c3", "c1", "c2"],
      });
      await store.componentPrefs.setFavourite("u1", "c2", false);
      expect((await store.componentPrefs.get("u1")).favourites).toEqual([]);
      expect((await store.componentPrefs.get("u1")).recent).toContain("c2");
    });
  });
}
