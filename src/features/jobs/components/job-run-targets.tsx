import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import {
  TARGET_STATUSES,
  type JobRun,
  type JobTarget,
  type TargetStatus,
} from "@server/contract/jobs";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { jobOutputsCsvUrl, jobQueries } from "@/entities/job/job-queries";
import { TARGET_LABEL, TargetStatusChip } from "@/entities/job/job-status";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime, formatDuration } from "@/lib/format";

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
    <div className="min-w-0 max-w-5xl space-y-1">
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

export function TargetsTable({ run }: { run: JobRun }) {
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
              <th className="hidden px-3 py-2 md:table-cell">Ran on</th>
              <th className="hidden px-3 py-2 md:table-cell">Duration</th>
              <th className="hidden px-3 py-2 md:table-cell">Warnings</th>
            </tr>
          </thead>
          {rows.map((t) => (
            <TargetRows key={t.deviceUid} runId={run.id} target={t} />
          ))}
        </table>
        {rows.length === 0 && <p className="p-3 text-sm text-slate-600">No device matches.</p>}
      </div>
    </div>
  );
}

const narrow = "hidden px-3 py-2 align-top md:table-cell";

/**
 * One device of the run: its row, then its output on a row of its own across the table, so the
 * output is readable at any width (beside the status it was a sliver on a phone). On a phone the
 * time, duration and warnings sit under the status.
 */
function TargetRows({ runId, target: t }: { runId: string; target: JobTarget }) {
  const hasOutput =
    t.suspiciousLines.length > 0 || t.stdoutPreview !== null || t.stderrPreview !== null;
  const phoneLine = [t.ranOn ? formatDateTime(t.ranOn) : "", duration(t)].filter(Boolean);
  return (
    <tbody
      data-testid={`target-${t.deviceUid}`}
      className="border-t border-slate-200 first-of-type:border-t-0 dark:border-slate-700"
    >
      <tr>
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
          {(phoneLine.length > 0 || (t.warnings ?? 0) > 0) && (
            <span className="mt-1 block text-xs text-slate-600 md:hidden dark:text-slate-300">
              {phoneLine.join(" · ")}
              {(t.warnings ?? 0) > 0 && ` · ${t.warnings} warnings`}
            </span>
          )}
        </td>
        <td className={`${narrow} whitespace-nowrap`}>{t.ranOn ? formatDateTime(t.ranOn) : ""}</td>
        <td className={narrow}>{duration(t)}</td>
        <td className={narrow}>{t.warnings ? <Badge tone="warning">{t.warnings}</Badge> : ""}</td>
      </tr>
      {hasOutput && (
        <tr>
          <td colSpan={5} className="px-3 pb-3">
            <OutputCell runId={runId} target={t} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
