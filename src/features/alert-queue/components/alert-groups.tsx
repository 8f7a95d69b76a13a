import type { AlertGroup, AlertQueueQuery } from "@server/contract/alerts";
import { endpointText } from "@/lib/endpoint-text";
import type { Group } from "../use-alert-url-state";
import { classLabel } from "./class-label";

const labelOf = (g: AlertGroup, group: Group): string => {
  if (group === "class") return classLabel(g.key);
  return endpointText(g.name) ?? (group === "site" ? "No site" : "No device");
};

/**
 * The queue grouped by site, device or kind: the server counts every matching alert per group
 * (most critical first), not only the rows loaded; a group narrows the list to it.
 */
export function AlertGroups(props: {
  groups: readonly AlertGroup[];
  group: Group;
  onPick: (patch: Partial<AlertQueueQuery>) => void;
}) {
  const rows = props.groups.map((g) => ({ ...g, label: labelOf(g, props.group) }));
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
