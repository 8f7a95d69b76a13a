import type { AlertCounts } from "../contract/alerts";
import type { WallAlert, WallApprovals, WallJobFailures } from "../contract/wall";
import { addAlert, emptyAlertCounts } from "../fleet/alert-counts";

/**
 * What the wall reads, behind interfaces of its own: the open-alert queue (issue 9), job runs
 * (issue 10) and proposals (issue 11) are built beside the wall. Until one is wired in, its panel
 * says "not available yet" instead of showing a zero nobody measured.
 */

export type OpenAlertsReading = {
  /** When this list was read from Datto; null when never. */
  fetchedAt: number | null;
  /** Why the list is not current, for a person; null when it is. */
  problem: string | null;
  counts: AlertCounts;
  /** Every open Critical and High alert, newest first. */
  urgent: WallAlert[];
};

export interface WallAlertSource {
  /** Never rejects: a failure comes back as a `problem` with the last good list, if any. */
  current(): Promise<OpenAlertsReading>;
}

export interface WallJobSource {
  failuresSince(sinceMs: number): Promise<WallJobFailures>;
}

export interface WallApprovalSource {
  pending(): Promise<WallApprovals>;
}

export const notYet = (what: string) => ({
  available: false as const,
  reason: `${what} are not available yet.`,
});

export const jobsNotYet: WallJobSource = { failuresSince: async () => notYet("Job runs") };
export const approvalsNotYet: WallApprovalSource = { pending: async () => notYet("Approvals") };

/** The open-alert queue's snapshot, as far as the wall reads it (issue 9's `alerts.current()`). */
export type QueueSnapshot = {
  alerts: ReadonlyArray<{
    alertUid: string;
    priority: string;
    timestamp: number | null;
    contextSummary: string;
    deviceName: string | null;
    siteName: string | null;
    claim: { by: string } | null;
  }>;
  fetchedAt: number | null;
  freshness: { stale: boolean; reason: string | null };
};

/** Open alerts from the alert queue's poller: no Datto read of the wall's own, and claims. */
export function createQueueAlertSource(queue: {
  current(): Promise<QueueSnapshot>;
}): WallAlertSource {
  return {
    async current() {
      try {
        const snapshot = await queue.current();
        const counts = emptyAlertCounts();
        const urgent: WallAlert[] = [];
        for (const a of snapshot.alerts) {
          addAlert(counts, a.priority);
          if (a.priority !== "Critical" && a.priority !== "High") continue;
          urgent.push({
            alertUid: a.alertUid,
            priority: a.priority,
            summary: a.contextSummary,
            deviceName: a.deviceName,
            siteName: a.siteName,
            raisedAt: a.timestamp,
            claimedBy: a.claim?.by ?? null,
          });
        }
        urgent.sort((a, b) => (b.raisedAt ?? 0) - (a.raisedAt ?? 0));
        const problem = snapshot.freshness.stale
          ? (snapshot.freshness.reason ?? "The open alerts are not current.")
          : null;
        return { fetchedAt: snapshot.fetchedAt, problem, counts, urgent };
      } catch {
        return {
          fetchedAt: null,
          problem: "The open alerts could not be read.",
          counts: emptyAlertCounts(),
          urgent: [],
        };
      }
    },
  };
}

/** A job target that ended badly, as the job runs (issue 10's `recentFailures`) give it. */
export type JobFailure = {
  runId: string;
  componentName: string;
  deviceUid: string;
  hostname: string;
  siteName: string;
  at: number;
};

/** Job failures of the last 24 h from the job runs the console launched, newest first. */
export function createJobFailureSource(jobs: {
  recentFailures(sinceMs: number): Promise<readonly JobFailure[]>;
}): WallJobSource {
  return {
    async failuresSince(sinceMs) {
      const failures = await jobs.recentFailures(sinceMs);
      return {
        available: true,
        total: failures.length,
        recent: [...failures]
          .sort((a, b) => b.at - a.at)
          .slice(0, 10)
          .map((f) => ({
            id: `${f.runId}:${f.deviceUid}`,
            name: f.componentName,
            deviceName: f.hostname,
            siteName: f.siteName,
            failedAt: f.at,
          })),
      };
    },
  };
}

/** The proposals store, as far as the wall reads it (issue 11's `store.proposals`). */
export type PendingProposals = {
  count(states: readonly "pending"[]): Promise<number>;
  /** Newest first. */
  list(options: {
    states?: readonly "pending"[];
    limit: number;
  }): Promise<ReadonlyArray<{ createdAt: number }>>;
};

/** Pending proposals and the oldest one's age (they expire, so the list stays short). */
export function createApprovalSource(proposals: PendingProposals): WallApprovalSource {
  return {
    async pending() {
      const pending = await proposals.count(["pending"]);
      if (pending === 0) return { available: true, pending, oldestAt: null };
      const rows = await proposals.list({ states: ["pending"], limit: Math.min(pending, 1_000) });
      const oldestAt = rows.reduce<number | null>(
        (oldest, p) => (oldest === null || p.createdAt < oldest ? p.createdAt : oldest),
        null,
      );
      return { available: true, pending, oldestAt };
    },
  };
}
