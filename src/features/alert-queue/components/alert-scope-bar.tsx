import {
  ALERT_PRIORITIES,
  type AlertQueueQuery,
  type AlertQueueResponse,
} from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

const CHIP_TONE: Record<string, string> = {
  Critical: "border-red-400 text-red-800 dark:text-red-200",
  High: "border-amber-500 text-amber-900 dark:text-amber-200",
  Moderate: "border-indigo-400 text-indigo-800 dark:text-indigo-200",
};

/**
 * Which alerts: open or recently resolved, the priority chips (each with its count, a filter when
 * pressed) and, when there are some, the alerts new since the person's last look.
 */
export function AlertScopeBar(props: {
  query: AlertQueueQuery;
  counts: AlertQueueResponse["counts"] | undefined;
  newCount: number;
  onQuery: (patch: Partial<AlertQueueQuery>) => void;
  onMarkSeen: () => void;
}) {
  const { query, counts, onQuery } = props;
  const state = query.state ?? "open";
  const priorities = new Set(query.priority ?? []);
  const togglePriority = (p: (typeof ALERT_PRIORITIES)[number]) => {
    const next = new Set(priorities);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    onQuery({ priority: next.size ? [...next] : undefined });
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Which alerts">
      <div className="flex rounded-md border border-slate-300 dark:border-slate-600">
        {(["open", "resolved"] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={state === s}
            onClick={() => {
              onQuery({ state: s === "open" ? undefined : s, sort: undefined, dir: undefined });
            }}
            className={cn(
              "px-3 py-1 text-sm",
              state === s
                ? "bg-indigo-600 text-white"
                : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
            )}
          >
            {s === "open" ? "Open" : "Resolved (24 h)"}
          </button>
        ))}
      </div>
      {ALERT_PRIORITIES.map((p) => (
        <button
          key={p}
          type="button"
          aria-pressed={priorities.has(p)}
          onClick={() => togglePriority(p)}
          className={cn(
            "rounded-full border px-2.5 py-0.5 text-sm",
            CHIP_TONE[p] ??
              "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200",
            priorities.has(p) && "bg-slate-900 text-white dark:bg-white dark:text-slate-900",
          )}
        >
          {p} <span className="font-semibold">{counts ? counts[p] : "…"}</span>
        </button>
      ))}
      {props.newCount > 0 && (
        <Button size="sm" variant="ghost" onClick={props.onMarkSeen}>
          {props.newCount} new since your last look — mark seen
        </Button>
      )}
    </div>
  );
}
