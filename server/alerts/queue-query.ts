import {
  ALERT_PRIORITIES,
  type AlertQueueQuery,
  type AlertSortKey,
  type PriorityCounts,
  type QueueAlert,
} from "../contract/alerts";

/** A queue row plus the lowercase text free-text search looks in (diagnostics included). */
export type Searchable = { alert: QueueAlert; text: string };

export const emptyPriorityCounts = (): PriorityCounts => ({
  Critical: 0,
  High: 0,
  Moderate: 0,
  Low: 0,
  Information: 0,
  Unknown: 0,
});

const rank = (a: QueueAlert) => ALERT_PRIORITIES.indexOf(a.priority);
const text = (s: string | null | undefined) => (s ?? "").toLowerCase();
const HOUR = 3_600_000;

/** Most urgent first, then newest: the queue's default order. */
export const byPriorityThenNewest = (a: QueueAlert, b: QueueAlert) =>
  rank(a) - rank(b) ||
  (b.timestamp ?? 0) - (a.timestamp ?? 0) ||
  a.alertUid.localeCompare(b.alertUid);

const COMPARE: Record<AlertSortKey, (a: QueueAlert, b: QueueAlert) => number> = {
  priority: (a, b) => rank(a) - rank(b),
  // Age ascending: the youngest (newest) first.
  age: (a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0),
  device: (a, b) => text(a.deviceName).localeCompare(text(b.deviceName)),
  site: (a, b) => text(a.siteName).localeCompare(text(b.siteName)),
  class: (a, b) => text(a.contextClass).localeCompare(text(b.contextClass)),
  claimedBy: (a, b) => text(a.claim?.by).localeCompare(text(b.claim?.by)),
  resolvedAt: (a, b) => (a.resolution?.at ?? 0) - (b.resolution?.at ?? 0),
};

export type QueueFilterContext = { now: number; me: string | null };

/** Every filter of the query except priority (the counts per priority ignore that one). */
function matchesBesidesPriority(
  row: Searchable,
  query: AlertQueueQuery,
  words: readonly string[],
  ctx: QueueFilterContext,
): boolean {
  const a = row.alert;
  if (query.siteUid && !query.siteUid.includes(a.siteUid ?? "")) return false;
  if (query.deviceUid && !query.deviceUid.includes(a.deviceUid ?? "")) return false;
  if (query.class && !query.class.includes(a.contextClass ?? "none")) return false;
  const age = a.timestamp === null ? null : ctx.now - a.timestamp;
  if (query.minAgeHours !== undefined && (age === null || age < query.minAgeHours * HOUR)) {
    return false;
  }
  if (query.maxAgeHours !== undefined && (age === null || age > query.maxAgeHours * HOUR)) {
    return false;
  }
  if (query.claimed === "yes" && !a.claim) return false;
  if (query.claimed === "no" && a.claim) return false;
  if (query.claimed === "mine" && (!a.claim || a.claim.byId === null || a.claim.byId !== ctx.me)) {
    return false;
  }
  return words.every((w) => row.text.includes(w));
}

export function searchText(alert: QueueAlert, diagnostics: string | null): string {
  return [
    alert.contextSummary,
    diagnostics,
    alert.deviceName,
    alert.siteName,
    alert.contextClass,
    alert.priority,
    alert.claim?.by,
    alert.claim?.note,
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

/** Filters, counts per priority and sorts one list of rows (open or recently resolved). */
export function queryQueue(
  rows: readonly Searchable[],
  query: AlertQueueQuery,
  ctx: QueueFilterContext,
): { alerts: QueueAlert[]; counts: PriorityCounts } {
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const counts = emptyPriorityCounts();
  const priorities = query.priority ? new Set(query.priority) : null;
  const alerts: QueueAlert[] = [];
  for (const row of rows) {
    if (!matchesBesidesPriority(row, query, words, ctx)) continue;
    counts[row.alert.priority] += 1;
    if (priorities && !priorities.has(row.alert.priority)) continue;
    alerts.push(row.alert);
  }
  const sort = query.sort;
  if (!sort) {
    alerts.sort(query.state === "resolved" ? COMPARE_RESOLVED_DEFAULT : byPriorityThenNewest);
  } else {
    const compare = COMPARE[sort];
    const sign = query.dir === "desc" ? -1 : 1;
    alerts.sort((a, b) => sign * compare(a, b) || byPriorityThenNewest(a, b));
  }
  return { alerts, counts };
}

/** Recently resolved: the latest resolution first. */
const COMPARE_RESOLVED_DEFAULT = (a: QueueAlert, b: QueueAlert) =>
  (b.resolution?.at ?? 0) - (a.resolution?.at ?? 0) || byPriorityThenNewest(a, b);
