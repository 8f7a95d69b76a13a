import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PROPOSAL_STATE_LABELS, type Proposal } from "@server/contract/proposals";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime } from "@/lib/format";
import { proposalQueries } from "../api/queries";
import { actionText, STATE_TONE } from "./proposal-text";

/** Decided proposals, newest first, with their outcome and links to what they touched. */
export function ProposalHistory() {
  const history = useQuery(proposalQueries.history());
  return (
    <Card title="Decided">
      {history.isPending ? (
        <PageSpinner label="Loading history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.proposals.length === 0 ? (
        <EmptyState title="Nothing decided yet" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-medium">Outcome</th>
                <th className="py-2 pr-4 font-medium">Action</th>
                <th className="py-2 pr-4 font-medium">Agent</th>
                <th className="py-2 pr-4 font-medium">Decided</th>
                <th className="py-2 pr-4 font-medium">Result</th>
              </tr>
            </thead>
            <tbody>
              {history.data.proposals.map((p) => (
                <HistoryRow key={p.id} p={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** Who decided and when, with the comment. */
function Decided({ p }: { p: Proposal }) {
  return (
    <>
      {p.decidedBy ?? "—"} {p.decidedAt ? `· ${formatDateTime(p.decidedAt)}` : ""}
      {p.comment && <div className="text-slate-500 dark:text-slate-400">“{p.comment}”</div>}
    </>
  );
}

/** What came of it: the error, the alert, the job and its output. */
function Result({ p }: { p: Proposal }) {
  const job = p.result?.devices[0];
  return (
    <>
      {p.error && <div className="text-red-700 dark:text-red-400">{p.error}</div>}
      {p.payload.action === "resolve-alert" && (
        <Link
          className="text-indigo-700 underline dark:text-indigo-300"
          to={`/alerts?state=resolved&alert=${encodeURIComponent(p.payload.alertUid)}`}
        >
          The alert
        </Link>
      )}
      {p.result?.message && <div>{p.result.message}</div>}
      {p.result?.jobUid && (
        <div className="break-all text-slate-500 dark:text-slate-400">
          Job {p.result.jobUid}
          {job ? `: ${job.status}` : ""}
        </div>
      )}
      {job?.stdout && (
        <details>
          <summary className="cursor-pointer">Output</summary>
          <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
            {endpointText(job.stdout)}
          </pre>
        </details>
      )}
    </>
  );
}

/**
 * One decided proposal. Its cells keep a readable width: on a phone the table scrolls sideways
 * in its card rather than squeezing the result to a word a line.
 */
function HistoryRow({ p }: { p: Proposal }) {
  const device = p.context.device;
  return (
    <tr
      className="border-t border-slate-200 align-top dark:border-slate-700"
      data-proposal-id={p.id}
    >
      <td className="py-2 pr-4">
        <Badge tone={STATE_TONE[p.state]}>{PROPOSAL_STATE_LABELS[p.state]}</Badge>
      </td>
      <td className="min-w-40 py-2 pr-4">
        {device ? (
          <Link
            className="text-indigo-700 underline dark:text-indigo-300"
            to={`/devices/${encodeURIComponent(device.uid)}`}
          >
            {actionText(p)}
          </Link>
        ) : (
          actionText(p)
        )}
      </td>
      <td className="py-2 pr-4">{p.agentName}</td>
      <td className="min-w-32 py-2 pr-4">
        <Decided p={p} />
      </td>
      <td className="min-w-48 py-2 pr-4">
        <Result p={p} />
      </td>
    </tr>
  );
}
