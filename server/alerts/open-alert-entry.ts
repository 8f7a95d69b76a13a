import {
  alertSourceOf,
  type AlertCounts,
  type AlertDetail,
  type QueueAlert,
} from "../contract/alerts";
import type { DattoAlert } from "../datto/schemas/alert";
import { addAlert, emptyAlertCounts } from "../fleet/alert-counts";
import { mapAlert, mapAlertExtras } from "../fleet/map-alert";
import { searchText } from "./queue-query";

/** What the detail adds to a queue row (diagnostics, context fields, response actions...). */
export type AlertExtras = Omit<AlertDetail, keyof QueueAlert>;
/** One open alert as the poller keeps it: the row without the claim (claims live in the store). */
export type OpenAlertEntry = { row: QueueAlert; extras: AlertExtras; text: string };

/** The poller's entry for an alert Datto lists open; `firstSeenAt` survives from poll to poll. */
export function toEntry(a: DattoAlert, now: number, firstSeenAt: number): OpenAlertEntry {
  const mapped = mapAlert(a, now);
  const row: QueueAlert = {
    ...alertSourceOf(mapped),
    firstSeenAt,
    claim: null,
    resolveOutcome: null,
    resolved: false,
    resolution: null,
  };
  return entryOf(row, mapAlertExtras(a));
}

/** An entry from a row and its extras (a poll or the stored list): the search text follows. */
export const entryOf = (row: QueueAlert, extras: AlertExtras): OpenAlertEntry => ({
  row,
  extras,
  text: searchText(row, extras.diagnostics),
});

/** Open alerts per device by priority, for the fleet index's counts. */
export function countsByDevice(entries: Iterable<OpenAlertEntry>): Map<string, AlertCounts> {
  const counts = new Map<string, AlertCounts>();
  for (const { row } of entries) {
    if (!row.deviceUid) continue;
    let c = counts.get(row.deviceUid);
    if (!c) counts.set(row.deviceUid, (c = emptyAlertCounts()));
    addAlert(c, row.priority);
  }
  return counts;
}

const PRIORITY_RANK: Record<QueueAlert["priority"], number> = {
  Critical: 0,
  High: 1,
  Moderate: 2,
  Low: 3,
  Information: 4,
  Unknown: 5,
};

/** Most urgent first, then newest. */
export const byUrgency = (a: QueueAlert, b: QueueAlert): number =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || (b.timestamp ?? 0) - (a.timestamp ?? 0);

/** The row of an alert resolved through us that the last poll did not list: only its uid known. */
export const unlistedRow = (alertUid: string, at: number): QueueAlert => ({
  alertUid,
  priority: "Unknown",
  timestamp: null,
  contextClass: null,
  contextSummary: "Alert",
  deviceUid: null,
  deviceName: null,
  siteUid: null,
  siteName: null,
  firstSeenAt: at,
  claim: null,
  resolveOutcome: null,
  resolved: false,
  resolution: null,
});

export const errorText = (error: unknown) =>
  error instanceof Error ? error.message : "unknown error";
