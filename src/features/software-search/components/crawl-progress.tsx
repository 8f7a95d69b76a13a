import { useState } from "react";
import type { SoftwareSearchResponse } from "@server/contract/software";
import { useNow } from "@/components/data-table/use-now";
import { Meter } from "@/components/ui/meter";

const STALL_MS = 5_000;

/** True once `done` has not moved for a few seconds. */
function useStalled(done: number, active: boolean): boolean {
  const now = useNow(1_000);
  const [since, setSince] = useState({ done, at: now });
  if (since.done !== done) setSince({ done, at: now });
  return active && since.done === done && now - since.at >= STALL_MS;
}

/**
 * How far the fleet-wide search has got. A big fleet spends the whole shared read budget, and
 * the count then stands still for up to a minute (the budget's window): say so, or it looks stuck.
 */
export function CrawlProgress(props: { result: SoftwareSearchResponse }) {
  const { result } = props;
  const { progress } = result;
  const stalled = useStalled(progress.done, progress.state === "crawling");
  return (
    <div className="space-y-1">
      <p role="status" className="text-sm">
        {progress.state === "crawling"
          ? `Reading software audits: ${progress.done} of ${progress.total} devices…`
          : progress.state === "error"
            ? `Stopped after ${progress.done} of ${progress.total} devices; results are partial.`
            : `Searched ${progress.total} devices${result.scope.siteName ? ` at ${result.scope.siteName}` : ""}: ${result.deviceCount} have "${result.query}" (${result.matchCount} matches).`}
      </p>
      {progress.state !== "done" && (
        <Meter
          value={progress.done}
          max={Math.max(progress.total, 1)}
          label="Software audits read"
          valueText={`${progress.done} of ${progress.total} devices`}
        />
      )}
      {stalled && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Waiting for Datto&apos;s read budget, which everyone on this account shares; it frees up
          within a minute. The search carries on by itself, and results so far are below.
        </p>
      )}
      {result.truncated && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Listing the first {result.matches.length} matches; counts and versions cover all.
        </p>
      )}
    </div>
  );
}
