import type { WallSummary } from "@server/contract/wall";
import { cn } from "@/lib/cn";
import { withLocalTimes } from "@/lib/format";
import { clockTime, formatAge } from "./wall-format";

const NotYet = ({ reason }: { reason: string }) => (
  <p className="text-xl text-neutral-300">{reason}</p>
);

/** Job runs that failed in the last 24 h. */
export function JobFailures({
  jobs,
  max,
  now,
}: {
  jobs: WallSummary["jobFailures"];
  max: number;
  now: number;
}) {
  if (!jobs.available) return <NotYet reason={jobs.reason} />;
  return (
    <div>
      <p
        className={cn(
          "text-5xl font-bold tabular-nums",
          jobs.total ? "text-red-400" : "text-emerald-300",
        )}
      >
        {jobs.total}
        <span className="ml-3 text-xl font-normal text-neutral-300">failed in the last 24 h</span>
      </p>
      <ul className="mt-3 space-y-1">
        {jobs.recent.slice(0, max).map((j) => (
          <li key={j.id} className="flex justify-between gap-3 text-lg text-neutral-200">
            <span className="truncate">
              {j.name}
              {j.deviceName ? ` · ${j.deviceName}` : ""}
            </span>
            <span className="shrink-0 tabular-nums text-neutral-300">
              {formatAge(now - j.failedAt)} ago
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What agents proposed and nobody has decided yet. */
export function PendingApprovals({
  approvals,
  now,
}: {
  approvals: WallSummary["approvals"];
  now: number;
}) {
  if (!approvals.available) return <NotYet reason={approvals.reason} />;
  return (
    <div>
      <p
        className={cn(
          "text-5xl font-bold tabular-nums",
          approvals.pending ? "text-amber-200" : "text-emerald-300",
        )}
      >
        {approvals.pending}
        <span className="ml-3 text-xl font-normal text-neutral-300">waiting for approval</span>
      </p>
      {approvals.oldestAt !== null && (
        <p className="mt-2 text-xl text-neutral-200">
          Oldest waiting {formatAge(now - approvals.oldestAt)}
        </p>
      )}
    </div>
  );
}

const STATE_TEXT: Record<WallSummary["datto"]["state"], string> = {
  ok: "Answering",
  slow: "Slow",
  "rate-limited": "Rate limited",
  blocked: "Blocking calls",
  "credentials-rejected": "Credentials rejected",
  down: "Not answering",
  unknown: "Not asked yet",
};

/** Datto's state as the gateway sees it, and how much of the shared read budget is in use. */
export function DattoHealth({ datto }: { datto: WallSummary["datto"] }) {
  const isOk = datto.state === "ok" || datto.state === "unknown";
  const share = datto.readsLimit ? Math.min(1, datto.readsUsed / datto.readsLimit) : 0;
  return (
    <div className="space-y-3">
      <p className={cn("text-4xl font-bold", isOk ? "text-emerald-300" : "text-red-400")}>
        {STATE_TEXT[datto.state]}
      </p>
      {datto.detail && (
        <p className="text-lg text-neutral-200">{withLocalTimes(datto.detail, Date.now())}</p>
      )}
      <div>
        <p className="text-xl text-neutral-200">
          Read budget: <span className="font-semibold tabular-nums">{datto.readsUsed}</span> of{" "}
          {datto.readsLimit} in {datto.windowSeconds} s
        </p>
        <div
          role="meter"
          aria-label="Datto read budget in use"
          aria-valuemin={0}
          aria-valuemax={datto.readsLimit}
          aria-valuenow={datto.readsUsed}
          className="mt-2 h-4 overflow-hidden rounded bg-neutral-700"
        >
          <div
            className={cn(
              "h-full",
              share > 0.8 ? "bg-red-500" : share > 0.5 ? "bg-amber-400" : "bg-emerald-500",
            )}
            style={{ width: `${Math.round(share * 100)}%` }}
          />
        </div>
      </div>
      <p className="text-lg text-neutral-300">
        Last answer: {datto.lastSuccessAt === null ? "none yet" : clockTime(datto.lastSuccessAt)}
      </p>
    </div>
  );
}
