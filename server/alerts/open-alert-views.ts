import {
  AlertDetailSchema,
  type AlertClaim,
  type AlertDetail,
  type QueueAlert,
} from "../contract/alerts";
import type { Freshness } from "../contract/freshness";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";
import { byUrgency, type OpenAlertEntry } from "./open-alert-entry";
import { searchText, type Searchable } from "./queue-query";

/** "Recently resolved" is the last day. */
export const RESOLVED_KEEP_MS = 24 * 3_600_000;

export interface OpenAlertsSnapshot {
  /** Every open alert with its claim, most urgent first then newest. */
  alerts: QueueAlert[];
  fetchedAt: number | null;
  freshness: Freshness;
}

export interface OpenAlertViewDeps {
  store: Pick<Store, "alertClaims" | "alertResolutions">;
  clock: Clock;
  /** The poller's current list (replaced whole by each poll, never edited in place). */
  open: () => ReadonlyMap<string, OpenAlertEntry>;
  /** Resolves sent whose outcome is unknown until the next poll. */
  unknownOutcomes: ReadonlyMap<string, unknown>;
  fetchedAt: () => number | null;
  freshness: () => Freshness;
}

/**
 * The reads over the open list: each joins the rows the poller keeps with the claims in the store
 * (claims change between polls) and marks resolves whose outcome is unknown.
 */
export function createOpenAlertViews(deps: OpenAlertViewDeps) {
  const { store, clock, open, unknownOutcomes } = deps;

  const withClaim = (row: QueueAlert, claims: ReadonlyMap<string, AlertClaim>): QueueAlert => ({
    ...row,
    claim: claims.get(row.alertUid) ?? null,
    resolveOutcome: unknownOutcomes.has(row.alertUid) ? "unknown" : null,
  });

  /** Alerts resolved in the last 24 h, through RMM Deck or outside it, latest first. */
  async function recentlyResolved(): Promise<QueueAlert[]> {
    const records = await store.alertResolutions.listSince(clock.now() - RESOLVED_KEEP_MS);
    return records.map((r) => r.alert);
  }

  return {
    /** Every open alert with its claim, most urgent first, then newest. */
    async current(): Promise<OpenAlertsSnapshot> {
      const claims = await store.alertClaims.list();
      const alerts = [...open().values()].map((e) => withClaim(e.row, claims));
      alerts.sort(byUrgency);
      return { alerts, fetchedAt: deps.fetchedAt(), freshness: deps.freshness() };
    },
    recentlyResolved,
    /** Rows for the queue query: open ones with their claims (free-text over diagnostics too). */
    async openRows(): Promise<Searchable[]> {
      const claims = await store.alertClaims.list();
      return [...open().values()].map((e) => {
        const alert = withClaim(e.row, claims);
        return { alert, text: alert.claim ? `${e.text}\n${searchText(alert, null)}` : e.text };
      });
    },
    async resolvedRows(): Promise<Searchable[]> {
      return (await recentlyResolved()).map((alert) => ({
        alert,
        text: `${searchText(alert, null)}\n${(alert.resolution?.by ?? "").toLowerCase()}`,
      }));
    },
    /** The open alert as last polled (no claim), or undefined. */
    openAlert: (uid: string): QueueAlert | undefined => open().get(uid)?.row,
    /** The open alert's detail with its claim, or null when it is not open. */
    async openDetail(uid: string): Promise<AlertDetail | null> {
      const entry = open().get(uid);
      if (!entry) return null;
      const claim = await store.alertClaims.get(uid);
      return AlertDetailSchema.parse({
        ...entry.row,
        claim,
        resolveOutcome: unknownOutcomes.has(uid) ? "unknown" : null,
        ...entry.extras,
      });
    },
    /** The device's open alerts. */
    async openOfDevice(deviceUid: string): Promise<QueueAlert[]> {
      const claims = await store.alertClaims.list();
      return [...open().values()]
        .filter((e) => e.row.deviceUid === deviceUid)
        .map((e) => withClaim(e.row, claims));
    },
  };
}
