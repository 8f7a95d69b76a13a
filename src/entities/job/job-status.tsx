import type { RunState, TargetStatus } from "@server/contract/jobs";
import { OUTCOME_UNKNOWN_NOTE } from "@server/contract/jobs";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TARGET_TONE: Record<TargetStatus, BadgeTone> = {
  queued: "neutral",
  sending: "info",
  Pending: "neutral",
  Running: "info",
  Success: "success",
  Warning: "warning",
  Failure: "danger",
  Expired: "danger",
  Retired: "neutral",
  "outcome-unknown": "warning",
  "not-sent": "danger",
};

export const TARGET_LABEL: Record<TargetStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  Pending: "Pending",
  Running: "Running",
  Success: "Success",
  Warning: "Warning",
  Failure: "Failure",
  Expired: "Expired",
  Retired: "Retired",
  "outcome-unknown": "Outcome unknown",
  "not-sent": "Not sent",
};

export function TargetStatusChip({ status }: { status: TargetStatus }) {
  return (
    <Badge tone={TARGET_TONE[status]}>
      <span title={status === "outcome-unknown" ? OUTCOME_UNKNOWN_NOTE : undefined}>
        {TARGET_LABEL[status]}
      </span>
    </Badge>
  );
}

const RUN_TONE: Record<RunState, BadgeTone> = {
  dispatching: "info",
  running: "info",
  finished: "neutral",
};
const RUN_LABEL: Record<RunState, string> = {
  dispatching: "Sending",
  running: "Running",
  finished: "Finished",
};

export function RunStateChip({ state, problems }: { state: RunState; problems: number }) {
  if (state === "finished" && problems > 0)
    return <Badge tone="danger">Finished, {problems} with problems</Badge>;
  if (state === "finished") return <Badge tone="success">Finished</Badge>;
  return <Badge tone={RUN_TONE[state]}>{RUN_LABEL[state]}</Badge>;
}

/** n of m targets final, as a bar with its numbers. */
export function RunProgress({ done, total }: { done: number; total: number }) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div
        role="progressbar"
        aria-label="Targets finished"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} finished`}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-indigo-600" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-300">
        {done} of {total}
      </span>
    </div>
  );
}
