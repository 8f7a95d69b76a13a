import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Freshness } from "@server/contract/freshness";
import { FleetStatusResponseSchema } from "@server/contract/sync";
import type { FleetSyncStatus } from "@server/contract/sync";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Meter } from "@/components/ui/meter";
import { apiFetch } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useNow } from "./use-now";

export const fleetStatusQueries = {
  all: () => ["fleet", "status"] as const,
  status: () =>
    queryOptions({
      queryKey: fleetStatusQueries.all(),
      queryFn: ({ signal }) =>
        apiFetch("/api/fleet/status", { schema: FleetStatusResponseSchema, signal }),
      // Quick while the first sync runs (the progress bar moves), relaxed afterwards.
      refetchInterval: (query) => (query.state.data?.sync.state === "syncing" ? 2_000 : 30_000),
    }),
};

function SyncProgress(props: { sync: FleetSyncStatus }) {
  const { pagesDone, pagesTotal } = props.sync;
  const text =
    pagesTotal === null
      ? `Syncing with Datto: ${pagesDone} pages so far`
      : `Syncing ${pagesDone} of ${pagesTotal} pages`;
  return (
    <div className="flex items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
      <span role="status">{text}</span>
      {pagesTotal !== null && pagesTotal > 0 && (
        <Meter
          className="max-w-48"
          value={pagesDone}
          max={pagesTotal}
          label="Sync progress"
          valueText={text}
        />
      )}
    </div>
  );
}

/**
 * "As of 2 min ago" under a list built from the fleet index; loud (with the reason) when stale, and
 * the first sync's progress while it runs. `freshness` is the list's own; status adds the sync.
 */
export function FleetFreshness(props: { freshness: Freshness | undefined; summary?: string }) {
  const now = useNow(15_000);
  const status = useQuery(fleetStatusQueries.status());
  const freshness = props.freshness ?? status.data?.freshness;
  const sync = status.data?.sync;
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
      {sync?.state === "syncing" && <SyncProgress sync={sync} />}
      {sync?.state === "error" && sync.lastError && !freshness?.stale && (
        <InlineAlert tone="warning" title="The last sync with Datto failed">
          {sync.lastError}
        </InlineAlert>
      )}
    </div>
  );
}
