import { useQuery } from "@tanstack/react-query";
import { Popover } from "@/components/ui/popover";
import { meterTone } from "@/components/ui/meter";
import { cn } from "@/lib/cn";
import { healthQueries } from "../api/queries";
import { describeUpstream, SERVER_UNREACHABLE, type HealthTone } from "../upstream-state";
import { HealthDetails } from "./health-details";

const triggerTones: Record<HealthTone, string> = {
  ok: "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
  warning:
    "bg-amber-100 text-amber-950 ring-1 ring-amber-500 hover:bg-amber-200 dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-500",
  danger:
    "bg-red-600 text-white ring-1 ring-red-700 hover:bg-red-700 dark:bg-red-700 dark:ring-red-500",
};

const dotTones: Record<HealthTone, string> = {
  ok: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-white",
};

/** Header indicator of Datto's state and the shared read budget; polls GET /api/health. */
export function HealthIndicator() {
  const health = useQuery(healthQueries.status());
  const now = Date.now();
  if (health.isPending) {
    return <span className="px-2 text-sm text-slate-500 dark:text-slate-400">Checking Datto…</span>;
  }
  const view =
    health.data && !health.isError ? describeUpstream(health.data, now) : SERVER_UNREACHABLE;
  const budget = health.data?.budget;
  const ratio = budget && budget.readsLimit > 0 ? budget.readsUsed / budget.readsLimit : 0;
  const budgetText = budget ? `, ${budget.readsUsed} of ${budget.readsLimit} reads used` : "";

  return (
    <Popover
      triggerLabel={`Datto status: ${view.label}${budgetText}. Show details`}
      triggerClassName={cn(
        "inline-flex h-8 items-center gap-2 rounded-md px-2.5 text-sm font-medium",
        triggerTones[view.tone],
      )}
      panelLabel="Datto RMM connection"
      trigger={
        <>
          <span aria-hidden="true" className={cn("size-2 rounded-full", dotTones[view.tone])} />
          <span aria-hidden="true" className="max-w-40 truncate max-sm:hidden">
            {view.label}
          </span>
          {budget && (
            <span
              aria-hidden="true"
              className="hidden h-1.5 w-12 overflow-hidden rounded-full bg-slate-300/70 md:block dark:bg-slate-600"
            >
              <span
                className={cn(
                  "block h-full",
                  { ok: "bg-emerald-500", warning: "bg-amber-500", danger: "bg-red-500" }[
                    meterTone(budget.readsUsed, budget.readsLimit)
                  ],
                )}
                style={{ width: `${Math.min(100, ratio * 100)}%` }}
              />
            </span>
          )}
        </>
      }
    >
      <HealthDetails
        view={view}
        health={health.isError ? undefined : health.data}
        checkedAt={health.dataUpdatedAt}
        now={now}
      />
    </Popover>
  );
}
