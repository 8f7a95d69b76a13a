import type { SoftwareSearchResponse } from "@server/contract/software";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Meter } from "@/components/ui/meter";
import { formatDuration, formatTime } from "@/lib/format";

const n = (value: number) => value.toLocaleString();

function progressText(result: SoftwareSearchResponse): string {
  const { progress, scope } = result;
  const where = scope.siteName ? ` at ${scope.siteName}` : "";
  if (progress.state === "crawling") {
    return `Reading software audits${where}: ${n(progress.done)} of ${n(progress.total)} devices…`;
  }
  if (progress.state === "error") {
    return `Read ${n(progress.done)} of ${n(progress.total)} devices${where}; some audits could not be read, so results are partial.`;
  }
  return `Searched ${n(progress.total)} devices${where}: ${n(result.deviceCount)} have "${result.query}" (${n(result.matchCount)} matches).`;
}

/**
 * How far the fleet-wide search has got, how long the rest takes at the pace the shared read
 * budget allows (hours at 50,000 devices, and it says so), or that Datto is not answering.
 */
export function CrawlProgress(props: { result: SoftwareSearchResponse }) {
  const { result } = props;
  const { progress, estimate, outage } = result;
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm">
        {progressText(result)}
      </p>
      {progress.state === "crawling" && (
        <Meter
          value={progress.done}
          max={Math.max(progress.total, 1)}
          // Progress, not usage: it never turns red as it nears the end.
          tone="ok"
          label="Software audits read"
          valueText={`${n(progress.done)} of ${n(progress.total)} devices`}
        />
      )}
      {outage ? (
        <InlineAlert tone="warning" title="Datto is not answering the search">
          {outage.reason} Since {formatTime(outage.since)}. The search carries on by itself when
          Datto answers again; results so far are below.
        </InlineAlert>
      ) : (
        progress.state === "crawling" && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {estimate
              ? `${formatDuration(estimate.secondsLeft * 1000)} left at about ${n(estimate.readsPerMinute)} devices a minute.`
              : "Estimating the time left…"}{" "}
            Audits are read one device at a time within the read budget everyone on this Datto
            account shares, so a big fleet takes a while. The search carries on by itself; results
            so far are below, and later searches use what was read.
          </p>
        )
      )}
      {result.truncated && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Listing the first {n(result.matches.length)} of {n(result.filteredCount)}: sort by a
          column to bring others first, or export them all. The counts and versions cover every
          match.
        </p>
      )}
    </div>
  );
}
