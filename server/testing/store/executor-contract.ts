import { describe, expect, it } from "vitest";
import type { NewJobRun } from "../../store/port/job-run-repo";
import { executorLeaseName } from "../../store/port/executor-repo";
import type { OpenStoreHarness } from "./store-harness";

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
  targets: [{ deviceUid: "d1", hostname: "WS-1", siteUid: "s1", siteName: "Main" }],
});

const holder = (id: string) => ({ id, pid: 1, host: "host-a" });

export function describeExecutorContract(open: OpenStoreHarness) {
  describe("executors (decision 0030)", () => {
    it("let one instance claim a run, across connections, and record a proposal's", async () => {
      const { store, openAnother } = await open();
      const other = await openAnother();
      await store.jobRuns.createOnce(run("r1"));
      expect(await store.executors.executorsOf("job-run", ["r1", "nope"])).toEqual(
        new Map([["r1", null]]),
      );
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? store : other).executors.claim("job-run", "r1", `i${i}`),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = `i${claims.indexOf(true)}`;
      expect(await store.executors.claim("job-run", "r1", winner)).toBe(true);
      expect(await store.executors.claim("job-run", "missing", winner)).toBe(false);
      expect((await store.executors.executorsOf("job-run", ["r1"])).get("r1")).toBe(winner);

      await store.proposals.createOrMerge(
        {
          id: "p1",
          tool: "datto-resolve-alert",
          tokenId: "t1",
          agentName: "bot",
          reason: "fixed",
          risks: [],
          payload: { action: "resolve-alert", alertUid: "a1" },
          digest: "d".repeat(64),
          context: { device: null, component: null, alert: null },
          testMode: false,
          createdAt: 1_000,
          expiresAt: 100_000,
          state: "pending",
        },
        1_000,
      );
      await store.transaction((tx) => tx.executors.record("proposal", "p1", "a"));
      await store.executors.record("proposal", "p1", "b");
      expect(await store.executors.executorsOf("proposal", ["p1"])).toEqual(new Map([["p1", "b"]]));
    });

    it("say which executors hold an unexpired lease", async () => {
      const { store, clock } = await open();
      const now = clock.now();
      const take = (id: string, ttlMs: number) =>
        store.instanceLock.acquire({ name: executorLeaseName(id), holder: holder(id), now, ttlMs });
      await take("a", 1_000);
      await take("b", 10);
      // A lease of another name held by the same id says nothing about the executor.
      await store.instanceLock.acquire({ name: "server", holder: holder("c"), now, ttlMs: 1_000 });
      expect(await store.executors.live(["a", "b", "c", "d"], now)).toEqual(new Set(["a", "b"]));
      expect(await store.executors.live(["a", "b"], now + 10)).toEqual(new Set(["a"]));
      await store.instanceLock.release(executorLeaseName("a"), "a");
      expect(await store.executors.live(["a"], now)).toEqual(new Set());
      expect(await store.executors.live([], now)).toEqual(new Set());
    });
  });
}
