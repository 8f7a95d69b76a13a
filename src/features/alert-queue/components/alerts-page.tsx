import { useQuery } from "@tanstack/react-query";
import type { Row } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AlertDetailResponse, QueueAlert } from "@server/contract/alerts";
import { useSlashFocus } from "@/components/data-table/use-slash-focus";
import { VirtualTable } from "@/components/data-table/virtual-table";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { alertQueries } from "@/entities/alert/alert-queries";
import { ClaimDialog } from "@/entities/alert/claim-dialog";
import { ResolveDialog, type ResolveTarget } from "@/entities/alert/resolve-dialog";
import { useAlertWindows } from "@/entities/alert/use-alert-windows";
import { cn } from "@/lib/cn";
import { formatRelativeTime } from "@/lib/format";
import { useCan } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";
import { useMarkLastLook } from "../last-look";
import { toTarget, useAlertSelection } from "../use-alert-selection";
import { useAlertUrlState } from "../use-alert-url-state";
import { useElementWidth } from "../use-element-width";
import type { AlertTableMeta } from "./alert-columns";
import { AlertDetailPanel } from "./alert-detail-panel";
import { AlertFilterBar } from "./alert-filter-bar";
import { AlertGroups } from "./alert-groups";
import { AlertScopeBar } from "./alert-scope-bar";
import { AlertSelectionBar } from "./alert-selection-bar";
import { useAlertTable } from "./use-alert-table";

/** The newest open Critical alerts the notifier compares (newest first: new ones are on top). */
const CRITICAL_WATCH = 100;

/** The alert triage queue: every open alert at a glance, claimed, and worked to zero. */
export function AlertsPage() {
  useDocumentTitle("Alerts");
  const url = useAlertUrlState();
  const { query, group, open } = url;
  const resolvedView = query.state === "resolved";
  // Selecting (to resolve) and the keys act on open alerts, for those the server lets act.
  const canResolve = useCan("alerts:resolve") && !resolvedView;
  const canClaim = useCan("alerts:claim") && !resolvedView;
  const now = useNow();
  // The server filters, sorts, counts and groups; the table fetches the windows it shows.
  const apiQuery = useMemo(() => ({ ...query, groupBy: group ?? undefined }), [query, group]);
  const windows = useAlertWindows(apiQuery);
  const latest = windows.latest;
  const lastLook = latest?.lastLook ?? null;
  const markLastLook = useMarkLastLook();
  // Only for the notifier: the open Critical alerts, newest first (a small answer).
  // Read only once the person opted in to notifications, so a page load carries no extra answer.
  const [watchCritical, setWatchCritical] = useState(false);
  const critical = useQuery({
    ...alertQueries.queueTop({ priority: ["Critical"] }, CRITICAL_WATCH),
    enabled: watchCritical,
  });
  const selection = useAlertSelection(query, windows.rows);
  const { selected, toggle } = selection;
  const [resolving, setResolving] = useState<readonly ResolveTarget[] | null>(null);
  const [claiming, setClaiming] = useState<{ uid: string; summary: string; note?: string } | null>(
    null,
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useSlashFocus(searchRef);

  // The next visit's "new" is what arrives after this one: the server remembers the person's
  // last look when they leave the page (any browser, any tab).
  useEffect(() => {
    const remember = () => void markLastLook({ leaving: true });
    window.addEventListener("pagehide", remember);
    return () => {
      window.removeEventListener("pagehide", remember);
      remember();
    };
  }, [markLastLook]);

  const meta = useMemo<AlertTableMeta>(
    () => ({ now, lastLook, selected: selection.uids, toggle, open: url.setOpen, resolvedView }),
    [now, lastLook, selection.uids, toggle, url.setOpen, resolvedView],
  );
  const showsError = Boolean(windows.error && !latest);
  const gridWidth = useElementWidth(gridRef, showsError);
  const { table, getRow } = useAlertTable({
    query,
    windows,
    meta,
    selectable: canResolve,
    gridWidth,
    onQuery: url.setQuery,
  });
  const onRowKey = useCallback(
    (key: string, row: Row<QueueAlert>) => {
      const a = row.original;
      if (key === "c" && canClaim) {
        setClaiming({
          uid: a.alertUid,
          summary: a.contextSummary,
          note: a.claim?.note ?? undefined,
        });
        return true;
      }
      if (key === "r" && canResolve) {
        setResolving([toTarget(a)]);
        return true;
      }
      return false;
    },
    [canClaim, canResolve],
  );

  const newCount = resolvedView ? 0 : (latest?.newCount ?? 0);
  const openDetail = (d: AlertDetailResponse) => d.alert;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          {latest?.freshness.fetchedAt
            ? `Open alerts as of ${formatRelativeTime(latest.freshness.fetchedAt, now)}; Datto is read every minute.`
            : "Reading open alerts from Datto…"}
        </p>
      </div>
      {latest?.freshness.stale && latest.freshness.reason && (
        <InlineAlert tone="warning">{latest.freshness.reason}</InlineAlert>
      )}
      {url.ignored.length > 0 && (
        <InlineAlert tone="warning">
          Ignored invalid link parameters: {url.ignored.join(", ")}.
        </InlineAlert>
      )}

      <AlertScopeBar
        query={query}
        counts={latest?.counts}
        newCount={newCount}
        onQuery={url.setQuery}
        onMarkSeen={() => void markLastLook()}
      />
      <AlertFilterBar
        query={query}
        group={group}
        latest={latest}
        resolvedView={resolvedView}
        searchRef={searchRef}
        onQuery={url.setQuery}
        onGroup={url.setGroup}
        onApplyView={url.replaceView}
        criticalAlerts={critical.data?.alerts ?? []}
        onWatchCritical={setWatchCritical}
      />

      {group && <AlertGroups groups={latest?.groups ?? []} group={group} onPick={url.setQuery} />}

      {canResolve && (
        <AlertSelectionBar
          selected={selection.list}
          total={windows.total}
          onResolve={setResolving}
          onClear={selection.clear}
          onSelectAll={() => void selection.selectAll()}
        />
      )}

      <div className={cn("grid min-h-0 gap-3", open && "xl:grid-cols-[minmax(0,1fr)_28rem]")}>
        {showsError ? (
          <ErrorState
            title="Alerts could not be loaded"
            error={windows.error}
            onRetry={windows.refetch}
          />
        ) : (
          <VirtualTable
            table={table}
            label={resolvedView ? "Recently resolved alerts" : "Open alerts"}
            rowCount={windows.total}
            getRow={getRow}
            onVisibleRangeChange={windows.onVisibleRangeChange}
            onOpenRow={(row) => url.setOpen(row.original.alertUid)}
            onToggleRow={canResolve ? (_i, row) => toggle(row.original.alertUid) : undefined}
            onRowKey={onRowKey}
            resetKey={JSON.stringify(query)}
            renderKey={`${now}:${lastLook}:${selected.size}:${[...selected.keys()].join(",").length}`}
            isBusy={windows.isLoading}
            empty={
              resolvedView
                ? "No alerts resolved in the last 24 hours match."
                : "No open alerts match. Queue at zero."
            }
            className="h-[calc(100vh-19rem)] min-h-80"
            gridRef={gridRef}
          />
        )}
        {open && (
          <div className="fixed inset-0 z-20 overflow-auto bg-white p-2 xl:static xl:z-auto xl:bg-transparent xl:p-0 dark:bg-slate-950 xl:dark:bg-transparent xl:h-[calc(100vh-19rem)]">
            <AlertDetailPanel
              uid={open}
              onClose={() => {
                url.setOpen(null);
                gridRef.current?.focus();
              }}
              onOpen={url.setOpen}
              onClaim={(d) =>
                setClaiming({
                  uid: d.alert.alertUid,
                  summary: d.alert.contextSummary,
                  note: openDetail(d).claim?.note ?? undefined,
                })
              }
              onResolve={(d) => setResolving([toTarget(d.alert)])}
            />
          </div>
        )}
      </div>

      {resolving && (
        <ResolveDialog
          targets={resolving}
          onClose={(finished) => {
            setResolving(null);
            if (finished) selection.clear();
          }}
        />
      )}
      {claiming && (
        <ClaimDialog
          alertUid={claiming.uid}
          summary={claiming.summary}
          initialNote={claiming.note}
          onClose={() => setClaiming(null)}
        />
      )}
    </div>
  );
}
