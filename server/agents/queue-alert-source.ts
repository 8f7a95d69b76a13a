import { alertSourceOf, type DeviceAlert, type QueueAlert } from "../contract/alerts";
import type { AlertQueue } from "../alerts/alert-queue";
import type { OpenAlertSource } from "./agent-reads";

const toDeviceAlert = (a: QueueAlert): DeviceAlert => ({
  ...alertSourceOf(a),
  diagnostics: null,
  resolved: a.resolved,
  resolvedBy: a.resolution?.by ?? null,
  resolvedOn: a.resolution?.at ?? null,
});

/**
 * Open alerts from the alert queue's snapshot (one poller for everyone, no Datto read per agent
 * call); until its first poll has landed, from `fallback` (Datto through the gateway's cache). One
 * alert is always read fresh from Datto: a resolve is checked against what Datto says now.
 */
export function createQueueAlertSource(
  queue: Pick<AlertQueue, "current">,
  fallback: OpenAlertSource,
): OpenAlertSource {
  return {
    async open(where) {
      const snapshot = await queue.current();
      if (snapshot.fetchedAt === null) return fallback.open(where);
      return snapshot.alerts
        .filter(
          (a) =>
            !a.resolved &&
            (!where.siteUid || a.siteUid === where.siteUid) &&
            (!where.deviceUid || a.deviceUid === where.deviceUid),
        )
        .map(toDeviceAlert);
    },
    get: (alertUid) => fallback.get(alertUid),
  };
}
