import type { AlertQueueQuery, QueueAlert } from "@server/contract/alerts";
import { endpointText } from "@/lib/endpoint-text";
import type { Group } from "../use-alert-url-state";
import { classLabel } from "./class-label";

type GroupRow = { key: string; label: string; total: number; critical: number; high: number };

const keyOf = (a: QueueAlert, group: Group): [string, string] => {
  if (group === "site") return [a.siteUid ?? "", endpointText(a.siteName) ?? "No site"];
  if (group === "device") return [a.deviceUid ?? "", endpointText(a.deviceName) ?? "No device"];
  const c = a.contextClass ?? "none";
  return [c, classLabel(c)];
};

/** The queue grouped by site, device or kind: counts per group; a group narrows the list to it. */
export function AlertGroups(props: {
  alerts: readonly QueueAlert[];
  group: Group;
  onPick: (patch: Partial<AlertQueueQuery>) => void;
}) {
  const groups = new Map<string, GroupRow>();
  for (const a of props.alerts) {
    const [key, label] = keyOf(a, props.group);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, total: 0, critical: 0, high: 0 }));
    g.total += 1;
    if (a.priority === "Critical") g.critical += 1;
    if (a.priority === "High") g.high += 1;
  }
  const rows = [...groups.values()].sort(
    (a, b) =>
      b.critical - a.critical ||
      b.high - a.high ||
      b.total - a.total ||
      a.label.localeCompare(b.label),
  );
  const pick = (key: string) =>
    props.onPick(
      props.group === "site"
        ? { siteUid: [key] }
        : props.group === "device"
          ? { deviceUid: [key] }
          : { class: [key] },
    );
  return (
    <ul
      aria-label={`Alerts by ${props.group}`}
      className="flex max-h-40 flex-wrap gap-2 overflow-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
    >
      {rows.slice(0, 200).map((g) => (
        <li key={g.key}>
          <button
            type="button"
            disabled={!g.key}
            onClick={() => pick(g.key)}
            className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            {g.label}: <span className="font-semibold">{g.total}</span>
            {g.critical > 0 && (
              <span className="text-red-700 dark:text-red-300"> · {g.critical} critical</span>
            )}
            {g.high > 0 && (
              <span className="text-amber-800 dark:text-amber-300"> · {g.high} high</span>
            )}
          </button>
        </li>
      ))}
      {rows.length === 0 && (
        <li className="text-slate-600 dark:text-slate-400">No alerts to group.</li>
      )}
    </ul>
  );
}
