import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Spinner } from "@/components/ui/spinner";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime } from "@/lib/format";
import { jobQueries, type JobFilters } from "./job-queries";
import { RunProgress, RunStateChip } from "./job-status";

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-600 dark:text-slate-300";
const td = "px-3 py-2 align-top";

/** Job runs, newest first (the /jobs history and a device's Jobs tab). */
export function JobRunList({ filters, empty }: { filters: JobFilters; empty: string }) {
  const runs = useQuery(jobQueries.list(filters));
  if (runs.isPending) return <Spinner label="Loading job runs…" />;
  if (runs.isError)
    return (
      <ErrorState
        title="Job runs could not be loaded"
        error={runs.error}
        onRetry={() => void runs.refetch()}
      />
    );
  if (runs.data.runs.length === 0) return <EmptyState title={empty} />;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 dark:bg-slate-800">
          <tr>
            <th className={th}>Started</th>
            <th className={th}>Component</th>
            <th className={th}>Requested by</th>
            <th className={th}>Targets</th>
            <th className={th}>Progress</th>
            <th className={th}>Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {runs.data.runs.map((r) => (
            <tr key={r.id}>
              <td className={`${td} whitespace-nowrap`}>
                <Link
                  to={`/jobs/${r.id}`}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {formatDateTime(r.createdAt)}
                </Link>
              </td>
              <td className={td}>{r.componentName}</td>
              <td className={td}>
                {r.requester}
                {r.approvedBy && (
                  <span className="text-slate-600 dark:text-slate-400">
                    {" "}
                    (approved by {r.approvedBy})
                  </span>
                )}
              </td>
              <td className={td}>
                {r.targetCount === 1 && r.firstHostname
                  ? endpointText(r.firstHostname)
                  : `${r.targetCount} devices`}
              </td>
              <td className={td}>
                <RunProgress done={r.finalCount} total={r.targetCount} />
              </td>
              <td className={td}>
                <RunStateChip state={r.state} problems={r.problemCount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
