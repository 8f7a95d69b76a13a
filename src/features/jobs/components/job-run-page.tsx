import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { NotFoundState } from "@/components/ui/not-found-state";
import { PageSpinner } from "@/components/ui/spinner";
import { jobQueries } from "@/entities/job/job-queries";
import { RunProgress, RunStateChip } from "@/entities/job/job-status";
import { isApiRequestError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { useDocumentTitle } from "@/lib/use-document-title";
import { TargetsTable } from "./job-run-targets";

/** One run: progress (n of m final), its devices with status, results and output; live. */
export function JobRunPage() {
  const id = useParams().jobId ?? "";
  const run = useQuery(jobQueries.detail(id));
  useDocumentTitle(run.data ? run.data.componentName : null, "Jobs");
  if (run.isPending) return <PageSpinner label="Loading the run…" />;
  if (run.isError) {
    if (isApiRequestError(run.error, 404) || isApiRequestError(run.error, 400))
      return (
        <NotFoundState title="No such job run" backTo="/jobs" backLabel="All jobs">
          The link may be wrong.
        </NotFoundState>
      );
    return (
      <ErrorState
        title="The run could not be loaded"
        error={run.error}
        onRetry={() => void run.refetch()}
      />
    );
  }
  const r = run.data;
  return (
    <div className="space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/jobs" className="text-indigo-700 hover:underline dark:text-indigo-300">
            Jobs
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{r.componentName}</h1>
          <RunStateChip state={r.state} problems={r.problemCount} />
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Started {formatDateTime(r.createdAt)} by {r.requester}
          {r.approvedBy && `, approved by ${r.approvedBy}`} · Datto job name{" "}
          <span className="font-mono">{r.jobName}</span>
        </p>
        {r.variables.length > 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Variables:{" "}
            {r.variables.map((v) => (
              <span key={v.name} className="mr-2 font-mono">
                {v.name}={v.value}
              </span>
            ))}
          </p>
        )}
      </div>
      <div className="max-w-xl space-y-1">
        <RunProgress done={r.finalCount} total={r.targetCount} />
        {r.state === "dispatching" && (
          <p className="text-sm" role="status">
            Sending to Datto: {r.dispatch.sent} of {r.dispatch.total} sent, paced inside the write
            limit.
          </p>
        )}
      </div>
      {(r.counts["outcome-unknown"] ?? 0) > 0 && (
        <InlineAlert tone="warning" title="Some outcomes are unknown">
          The answer from Datto was lost for {r.counts["outcome-unknown"]} device(s). The job may or
          may not have been created: check in Datto before running it again. RMM Deck never resends
          it by itself.
        </InlineAlert>
      )}
      <TargetsTable run={r} />
    </div>
  );
}
