import type { Health } from "@server/contract/health";
import { Meter } from "@/components/ui/meter";
import { formatRelativeTime } from "@/lib/format";
import { readableDetail, type UpstreamView } from "../upstream-state";

export function HealthDetails({
  view,
  health,
  checkedAt,
  now,
}: {
  view: UpstreamView;
  health: Health | undefined;
  checkedAt: number;
  now: number;
}) {
  return (
    <div className="space-y-3">
      <div>
        <p className="font-semibold">Datto RMM: {view.label}</p>
        <p className="mt-1 text-slate-600 dark:text-slate-300">{view.explanation}</p>
        {health?.upstream.detail && (
          <p className="mt-1 text-slate-600 dark:text-slate-300">
            Details: {readableDetail(health.upstream.detail, now)}
          </p>
        )}
      </div>
      {health && (
        <div className="space-y-1">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Read budget, shared by everyone using this Datto account
          </p>
          <Meter
            label="Datto read budget"
            value={health.budget.readsUsed}
            max={health.budget.readsLimit}
            valueText={`${health.budget.readsUsed} of ${health.budget.readsLimit} reads in the last ${health.budget.windowSeconds} s`}
          />
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {health.budget.readsUsed} of {health.budget.readsLimit} reads in the last{" "}
            {health.budget.windowSeconds} s
            {health.budget.queued > 0 && `; ${health.budget.queued} waiting`}
          </p>
        </div>
      )}
      {health && health.malformedPayloads > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Datto sent {health.malformedPayloads} answer
          {health.malformedPayloads === 1 ? "" : "s"} in an unexpected shape since the server
          started. The readable parts are shown; the rest was skipped and logged.
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        {health && (
          <>
            <dt>Last answer from Datto</dt>
            <dd>{formatRelativeTime(health.upstream.lastSuccessAt, now)}</dd>
            {health.upstream.lastErrorAt !== null && (
              <>
                <dt>Last failure</dt>
                <dd>{formatRelativeTime(health.upstream.lastErrorAt, now)}</dd>
              </>
            )}
          </>
        )}
        <dt>Checked</dt>
        <dd>{checkedAt ? formatRelativeTime(checkedAt, now) : "not yet"}, every 15 s</dd>
      </dl>
    </div>
  );
}
