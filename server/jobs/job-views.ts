import type { JobRunSummary, JobTarget } from "../contract/jobs";
import type { StoredJobRun, StoredJobTarget } from "../store/port/job-run-repo";
import { preview as previewText, suspiciousLines } from "./output-safety";

/** Writes per minute: how long sending `n` PUTs takes inside the budget, about. */
export function estimateDispatchMs(n: number, writesPerMinute: number): number {
  const perCall = 250;
  if (n <= writesPerMinute) return n * perCall;
  return Math.ceil((n - writesPerMinute) / writesPerMinute) * 60_000 + writesPerMinute * perCall;
}

export function toTarget(t: StoredJobTarget): JobTarget {
  return {
    deviceUid: t.deviceUid,
    hostname: t.hostname,
    siteUid: t.siteUid,
    siteName: t.siteName,
    status: t.status,
    dattoJobUid: t.dattoJobUid,
    detail: t.detail,
    sentAt: t.sentAt,
    ranOn: t.ranOn,
    finishedAt: t.finishedAt,
    warnings: t.warnings,
    hasStdout: t.hasStdout,
    hasStderr: t.hasStderr,
    stdoutPreview: previewText(t.stdout),
    stderrPreview: previewText(t.stderr),
    suspiciousLines: [...suspiciousLines(t.stdout), ...suspiciousLines(t.stderr)].slice(0, 20),
  };
}

export function toSummary(run: StoredJobRun): JobRunSummary {
  return {
    id: run.id,
    createdAt: run.createdAt,
    componentUid: run.componentUid,
    componentName: run.componentName,
    jobName: run.jobName,
    requester: run.requester,
    approvedBy: run.approvedBy,
    state: run.state,
    targetCount: run.targetCount,
    finalCount: run.finalCount,
    problemCount: run.problemCount,
    counts: run.counts,
    finishedAt: run.finishedAt,
    firstHostname: run.firstHostname,
  };
}
