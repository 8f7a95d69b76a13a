import type { AlertCounts } from "../contract/alerts";
import type { WallAlert, WallApprovals, WallJobFailures } from "../contract/wall";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { addAlert, emptyAlertCounts } from "../fleet/alert-counts";
import { mapAlert } from "../fleet/map-alert";

/**
 * What the wall reads, behind interfaces of its own: the open-alert queue (issue 9), job runs
 * (issue 10) and proposals (issue 11) are built beside the wall. Until each lands, the wall reads
 * open alerts from Datto through the gateway, and the job and approval panels say "not available
 * yet" instead of showing a zero nobody measured.
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

const URGENT = new Set(["Critical", "High"]);

/**
 * Open alerts straight from Datto's account-wide list, at background priority. The gateway's
 * cache (30 s) and coalescing make this one read however many walls and samplers ask.
 */
export function createDattoAlertSource(datto: Pick<DattoApi, "listOpenAlerts">): WallAlertSource {
  let last: OpenAlertsReading | null = null;
  return {
    async current() {
      try {
        const read = await datto.listOpenAlerts({ priority: "background", maxAgeMs: 30_000 });
        const counts = emptyAlertCounts();
        const urgent: WallAlert[] = [];
        for (const raw of read.data) {
          addAlert(counts, raw.priority);
          const alert = mapAlert(raw);
          if (!URGENT.has(alert.priority)) continue;
          urgent.push({
            alertUid: alert.alertUid,
            priority: alert.priority as WallAlert["priority"],
            summary: alert.contextSummary,
            deviceName: alert.deviceName,
            siteName: alert.siteName,
            raisedAt: alert.timestamp,
            claimedBy: null,
          });
        }
        urgent.sort((a, b) => (b.raisedAt ?? 0) - (a.raisedAt ?? 0));
        const problem = read.stale
          ? "Datto could not be reached: open alerts are from the last good read."
          : null;
        last = { fetchedAt: read.fetchedAt, problem, counts, urgent };
        return last;
      } catch (error) {
        const why = error instanceof DattoError ? error.message : "reading them failed";
        const problem = `Open alerts could not be read from Datto (${why}).`;
        return last
          ? { ...last, problem }
          : { fetchedAt: null, problem, counts: emptyAlertCounts(), urgent: [] };
      }
    },
  };
}
