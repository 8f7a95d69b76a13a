import type { AlertCounts } from "../contract/alerts";

export const emptyAlertCounts = (): AlertCounts => ({
  total: 0,
  critical: 0,
  high: 0,
  moderate: 0,
  low: 0,
  information: 0,
});

const FIELD: Record<string, keyof AlertCounts | undefined> = {
  Critical: "critical",
  High: "high",
  Moderate: "moderate",
  Low: "low",
  Information: "information",
};

/** Counts one alert; an Unknown (or new) priority counts in the total only. */
export function addAlert(counts: AlertCounts, priority: string | null | undefined): void {
  counts.total += 1;
  const field = priority ? FIELD[priority] : undefined;
  if (field) counts[field] += 1;
}

export function addCounts(into: AlertCounts, from: AlertCounts): void {
  into.total += from.total;
  into.critical += from.critical;
  into.high += from.high;
  into.moderate += from.moderate;
  into.low += from.low;
  into.information += from.information;
}
