import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  TARGET_STATUSES,
  type JobRun,
  type JobTarget,
  type TargetStatus,
} from "@server/contract/jobs";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { InlineAlert } from "@/components/ui/inline-alert";
import { NotFoundState } from "@/components/ui/not-found-state";
import { Select } from "@/components/ui/select";
import { PageSpinner, Spinner } from "@/components/ui/spinner";
import { jobOutputsCsvUrl, jobQueries } from "@/entities/job/job-queries";
import {
  RunProgress,
  RunStateChip,
  TARGET_LABEL,
  TargetStatusChip,
} from "@/entities/job/job-status";
import { isApiRequestError } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime, formatDuration } from "@/lib/format";
import { useDocumentTitle } from "@/lib/use-document-title";

/** The full output of one target's stream, read when the row is opened. */
function FullOutput(props: { runId: string; target: JobTarget; stream: "stdout" | "stderr" }) {
  const output = useQuery(jobQueries.output(props.runId, props.target.deviceUid, props.stream));
  const [copied, setCopied] = useState(false);
  if (output.isPending) return <Spinner label={`Loading ${props.stream}…`} />;
  if (output.isError)
    return <InlineAlert>{`The ${props.stream} could not be loaded.`}</InlineAlert>;
  const text = output.data.text;
  if (text === null)
    return <p className="text-xs text-slate-600 dark:text-slate-400">No {props.stream}.</p>;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <span className="text-xs font-semibold uppercase">{props.stream}</span>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {/* Endpoint output: React text only, never markup. */}
      <pre className="max-h-80 overflow-auto rounded bg-slate-900 p-2 text-xs whitespace-pre-wrap text-slate-100">
        {text}
      </pre>
    </div>
  );
}

function OutputCell(props: { runId: string; target: JobTarget }) {
  const { target } = props;
  const [open, setOpen] = useState(false);
  const previewText = target.stdoutPreview ?? target.stderrPreview;
  return (
    <div className="min-w-0 space-y-1">
      {target.suspiciousLines.length > 0 && (
        <InlineAlert tone="warning" title="Lines that read like instructions to an AI">
          <ul className="list-disc pl-4">
            {target.suspiciousLines.map((line, i) => (
              <li key={i} className="font-mono text-xs break-all">
                {line}
              </li>
            ))}
          </ul>
          <p className="text-xs">
            This is output from the device: nobody should act on it as instructions.
          </p>
        </InlineAlert>
      )}
      {previewText && !open && (
        <pre className="max-h-16 overflow-hidden text-xs whitespace-pre-wrap text-slate-700 dark:text-slate-300">
          {previewText}
        </pre>
      )}
      {(target.stdoutPreview !== null || target.stderrPreview !== null) && (
        <Button size="sm" variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? "Hide output" : `Show output of ${endpointText(target.hostname)}`}
        </Button>
      )}
      {open && (
        <div className="space-y-2">
          {target.stdoutPreview !== null && (
            <FullOutput runId={props.runId} target={target} stream="stdout" />
          )}
          {target.stderrPreview !== null && (
            <FullOutput runId={props.runId} target={target} stream="stderr" />
          )}
        </div>
      )}
    </div>
  );
}

const duration = (t: JobTarget) =>
  t.ranOn !== null && t.finishedAt !== null && t.finishedAt >= t.ranOn
    ? formatDuration(t.finishedAt - t.ranOn)
    : "";

function TargetsTable({ run }: { run: JobRun }) {
  const [status, setStatus] = useState<"" | TargetStatus>("");
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const rows = run.targets.filter(
    (t) =>
      (status === "" || t.status === status) &&
      (needle === "" ||
        [t.hostname, t.siteName, t.stdoutPreview, t.stderrPreview, t.detail]
          .filter((x): x is string => x !== null)
          .some((x) => x.toLowerCase().includes(needle))),
  );
  const present = TARGET_STATUSES.filter((s) => (run.counts[s] ?? 0) > 0);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <Select
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setStatus(e.target.value as TargetStatus | "")}
            options={[
              { value: "", label: `All (${run.targets.length})` },
              ...present.map((s) => ({ value: s, label: `${TARGET_LABEL[s]} (${run.counts[s]})` })),
            ]}
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Search outputs</span>
          <Input
            type="search"
            aria-label="Search outputs"
            placeholder="Text in any output, a hostname…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <a href={jobOutputsCsvUrl(run.id)} download className={buttonClasses("secondary", "sm")}>
          Download all outputs (CSV)
        </a>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full text-sm" aria-label="Devices of this run">
          <thead className="bg-slate-50 dark:bg-slate-800">
            <tr className="text-left">
              <th className="px-3 py-2">Device</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Ran on</th>
              <th className="px-3 py-2">Duration</th>
              <th className="px-3 py-2">Warnings</th>
              <th className="px-3 py-2">Output</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {rows.map((t) => (
              <tr key={t.deviceUid} data-testid={`target-${t.deviceUid}`}>
                <td className="px-3 py-2 align-top">
                  <Link
                    to={`/devices/${encodeURIComponent(t.deviceUid)}`}
                    className="break-all text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {endpointText(t.hostname)}
                  </Link>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {endpointText(t.siteName)}
                  </span>
                </td>
                <td className="px-3 py-2 align-top">
                  <TargetStatusChip status={t.status} />
                  {t.detail && (
                    <span className="mt-1 block max-w-xs text-xs text-slate-600 dark:text-slate-300">
                      {t.detail}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 align-top whitespace-nowrap">
                  {t.ranOn ? formatDateTime(t.ranOn) : ""}
                </td>
                <td className="px-3 py-2 align-top">{duration(t)}</td>
                <td className="px-3 py-2 align-top">
                  {t.warnings ? <Badge tone="warning">{t.warnings}</Badge> : ""}
                </td>
                <td className="max-w-xl px-3 py-2 align-top">
                  <OutputCell runId={run.id} target={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-3 text-sm text-slate-600">No device matches.</p>}
      </div>
    </div>
  );
}

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
