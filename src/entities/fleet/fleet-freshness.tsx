import type { Freshness } from "@server/contract/freshness";
import type { FleetSyncStatus } from "@server/contract/sync";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Meter } from "@/components/ui/meter";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { syncEstimate } from "./sync-estimate";

function SyncProgress(props: { sync: FleetSyncStatus; now: number }) {
  const { text, percent } = syncEstimate(props.sync, props.now);
  return (
    <div className="flex items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
      <span role="status">{text}</span>
      {percent !== null && (
        <Meter
          className="max-w-48"
          value={percent}
          max={100}
          tone="ok"
          label="Sync progress"
          valueText={text}
        />
      )}
    </div>
  );
}

/**
 * "As of 2 min ago" under data from the fleet index; loud (with the reason) when stale. While the
 * first sync (or one after stale data) runs, its progress, when the answer carried the sync state
 * (lists do; one site or device does not).
 */
export function FleetFreshness(props: {
  freshness: Freshness | undefined;
  sync?: FleetSyncStatus | undefined;
  summary?: string | undefined;
}) {
  const now = useNow(5_000);
  const { freshness, sync } = props;
  // Before the first sync finishes there is nothing stale to warn about: the progress says it all.
  const isFirstSync = freshness?.fetchedAt == null;
  const asOf =
    freshness?.fetchedAt != null
      ? `as of ${formatRelativeTime(freshness.fetchedAt, now)}`
      : "not synced with Datto yet";
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {props.summary && (
          <span className="font-medium text-slate-800 dark:text-slate-200">{props.summary} · </span>
        )}
        <span
          title={freshness?.fetchedAt != null ? formatDateTime(freshness.fetchedAt) : undefined}
        >
          {asOf}
        </span>
      </p>
      {freshness?.stale && !(isFirstSync && sync?.state === "syncing") && (
        <InlineAlert tone="warning" title={`Stale data, ${asOf}`}>
          {freshness.reason ?? "Refreshing from Datto is failing; the last good copy is shown."}
        </InlineAlert>
      )}
      {sync?.state === "syncing" && (isFirstSync || freshness?.stale) && (
        <SyncProgress sync={sync} now={now} />
      )}
      {sync?.state === "error" && sync.lastError && !freshness?.stale && (
        <InlineAlert tone="warning" title="The last sync with Datto failed">
          {sync.lastError}
        </InlineAlert>
      )}
    </div>
  );
}
