import { csvCell } from "../contract/csv";
import type { QueueAlert } from "../contract/alerts";

const iso = (ms: number | null | undefined) => (ms == null ? "" : new Date(ms).toISOString());

const COLUMNS: Array<[string, (a: QueueAlert) => unknown]> = [
  ["Priority", (a) => a.priority],
  ["Raised", (a) => iso(a.timestamp)],
  ["Device", (a) => a.deviceName],
  ["Site", (a) => a.siteName],
  ["Summary", (a) => a.contextSummary],
  ["Context class", (a) => a.contextClass],
  ["Claimed by", (a) => a.claim?.by],
  ["Claim note", (a) => a.claim?.note],
  ["Resolved", (a) => (a.resolved ? "yes" : "no")],
  ["Resolved by", (a) => a.resolution?.by ?? (a.resolution ? "outside RMM Deck" : "")],
  ["Resolved at", (a) => iso(a.resolution?.at)],
  ["Alert uid", (a) => a.alertUid],
  ["Device uid", (a) => a.deviceUid],
];

/** The queue as CSV, every cell through the formula guard (endpoint text is untrusted). */
export function alertsToCsv(alerts: readonly QueueAlert[]): string {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(",")];
  for (const a of alerts) lines.push(COLUMNS.map(([, get]) => csvCell(get(a))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
