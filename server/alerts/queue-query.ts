import {
  ALERT_PRIORITIES,
  DEFAULT_QUEUE_LIMIT,
  type AlertGroup,
  type AlertGroupBy,
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

export type QueueFilterContext = {
  now: number;
  me: string | null;
  /** The person's last look (epoch ms): alerts first seen after it count as new. */
  lastLook?: number | null;
  /** Every match, not one window (CSV export). */
  unlimited?: boolean;
};

export type QueueAnswer = {
  /** The window asked for (every match when unlimited). */
  alerts: QueueAlert[];
  total: number;
  offset: number;
  limit: number;
  counts: PriorityCounts;
  groups: AlertGroup[];
  newCount: number;
};

const groupKey = (a: QueueAlert, by: AlertGroupBy): [string, string | null] =>
  by === "site"
    ? [a.siteUid ?? "", a.siteName]
    : by === "device"
      ? [a.deviceUid ?? "", a.deviceName]
      : [a.contextClass ?? "none", a.contextClass ?? "none"];

/** The grouping strip: every group of the matches, most critical, then most high, then largest. */
function groupsOf(alerts: readonly QueueAlert[], by: AlertGroupBy): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of alerts) {
    const [key, name] = groupKey(a, by);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name, total: 0, critical: 0, high: 0 }));
    g.total += 1;
    if (a.priority === "Critical") g.critical += 1;
    if (a.priority === "High") g.high += 1;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.critical - a.critical ||
      b.high - a.high ||
      b.total - a.total ||
      text(a.name).localeCompare(text(b.name)) ||
      a.key.localeCompare(b.key),
  );
}

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

/**
 * Filters, counts per priority and sorts one list of rows (open or recently resolved), then cuts
 * the window asked for: the SPA's table fetches only the windows under its viewport.
 */
export function queryQueue(
  rows: readonly Searchable[],
  query: AlertQueueQuery,
  ctx: QueueFilterContext,
): QueueAnswer {
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
  const lastLook = ctx.lastLook ?? null;
  let newCount = 0;
  if (lastLook !== null) for (const a of alerts) if (a.firstSeenAt > lastLook) newCount += 1;
  const groups = query.groupBy ? groupsOf(alerts, query.groupBy) : [];
  const offset = ctx.unlimited ? 0 : (query.offset ?? 0);
  const limit = ctx.unlimited ? alerts.length : (query.limit ?? DEFAULT_QUEUE_LIMIT);
  return {
    alerts: ctx.unlimited ? alerts : alerts.slice(offset, offset + limit),
    total: alerts.length,
    offset,
    limit,
    counts,
    groups,
    newCount,
  };
}

/** Recently resolved: the latest resolution first. */
const COMPARE_RESOLVED_DEFAULT = (a: QueueAlert, b: QueueAlert) =>
  (b.resolution?.at ?? 0) - (a.resolution?.at ?? 0) || byPriorityThenNewest(a, b);
