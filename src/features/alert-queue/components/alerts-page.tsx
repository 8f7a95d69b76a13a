import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  ALERT_PRIORITIES,
  ALERT_SORT_KEYS,
  type AlertDetailResponse,
  type AlertSortKey,
  type QueueAlert,
} from "@server/contract/alerts";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { useSlashFocus } from "@/components/data-table/use-slash-focus";
import { VirtualTable } from "@/components/data-table/virtual-table";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { ClaimDialog } from "@/entities/alert/claim-dialog";
import { alertExportUrl, alertQueries } from "@/entities/alert/alert-queries";
import {
  ResolveDialog,
  RESOLVE_CAUTION,
  type ResolveTarget,
} from "@/entities/alert/resolve-dialog";
import { cn } from "@/lib/cn";
import { endpointText } from "@/lib/endpoint-text";
import { formatRelativeTime } from "@/lib/format";
import { useHasRole } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";
import { readLastLook, writeLastLook } from "../last-look";
import { useAlertUrlState } from "../use-alert-url-state";
import { AlertDetailPanel } from "./alert-detail-panel";
import { createAlertColumns, isNew, type AlertTableMeta } from "./alert-columns";
import { AlertGroups } from "./alert-groups";
import { classLabel } from "./class-label";
import { CriticalNotifier } from "./critical-notifier";
import { SavedAlertViews } from "./saved-alert-views";

const AGES = [
  { value: "", label: "Any age" },
  { value: "max:1", label: "Last hour" },
  { value: "max:24", label: "Last 24 hours" },
  { value: "min:24", label: "Older than a day" },
  { value: "min:168", label: "Older than a week" },
];
const CLAIMED = [
  { value: "", label: "Claimed or not" },
  { value: "no", label: "Unclaimed" },
  { value: "yes", label: "Claimed" },
  { value: "mine", label: "Claimed by me" },
];
const GROUP_OPTIONS = [
  { value: "", label: "No grouping" },
  { value: "site", label: "Group by site" },
  { value: "device", label: "Group by device" },
  { value: "class", label: "Group by kind" },
];

const CHIP_TONE: Record<string, string> = {
  Critical: "border-red-400 text-red-800 dark:text-red-200",
  High: "border-amber-500 text-amber-900 dark:text-amber-200",
  Moderate: "border-indigo-400 text-indigo-800 dark:text-indigo-200",
};

const sortKey = (id: string): AlertSortKey | undefined =>
  (ALERT_SORT_KEYS as readonly string[]).includes(id) ? (id as AlertSortKey) : undefined;

const toTarget = (
  a: Pick<QueueAlert, "alertUid" | "contextSummary" | "deviceName">,
): ResolveTarget => ({
  alertUid: a.alertUid,
  summary: a.contextSummary,
  device: a.deviceName,
});

/** The alert triage queue: every open alert at a glance, claimed, and worked to zero. */
export function AlertsPage() {
  useDocumentTitle("Alerts");
  const url = useAlertUrlState();
  const { query, group, open } = url;
  const resolvedView = query.state === "resolved";
  const canAct = useHasRole("technician");
  const now = useNow();
  const list = useQuery({ ...alertQueries.queue(query), placeholderData: keepPreviousData });
  const alerts = useMemo(() => list.data?.alerts ?? [], [list.data]);
  const [lastLook, setLastLook] = useState(() => readLastLook());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [resolving, setResolving] = useState<readonly ResolveTarget[] | null>(null);
  const [claiming, setClaiming] = useState<{ uid: string; summary: string; note?: string } | null>(
    null,
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useSlashFocus(searchRef);

  // The next visit's "new" is what arrives after this one: remembered when leaving the page.
  useEffect(() => {
    const remember = () => writeLastLook(Date.now());
    window.addEventListener("pagehide", remember);
    return () => {
      window.removeEventListener("pagehide", remember);
      remember();
    };
  }, []);

  // Selected alerts that left the list (resolved, filtered out) are no longer selected.
  const visible = useMemo(() => new Set(alerts.map((a) => a.alertUid)), [alerts]);
  const selectedVisible = useMemo(
    () => alerts.filter((a) => selected.has(a.alertUid)),
    [alerts, selected],
  );

  const toggle = useCallback((uid: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(uid)) next.delete(uid);
      else next.add(uid);
      return next;
    });
  }, []);
  const meta = useMemo<AlertTableMeta>(
    () => ({ now, lastLook, selected, toggle, open: url.setOpen, resolvedView }),
    [now, lastLook, selected, toggle, url.setOpen, resolvedView],
  );
  const columns = useMemo(
    () => createAlertColumns(resolvedView, canAct && !resolvedView),
    [resolvedView, canAct],
  );
  const sorting = useMemo<SortingState>(
    () => (query.sort ? [{ id: query.sort, desc: query.dir === "desc" }] : []),
    [query.sort, query.dir],
  );
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const sort = first ? sortKey(first.id) : undefined;
      url.setQuery({ sort, dir: sort ? (first!.desc ? "desc" : "asc") : undefined });
    },
    [sorting, url],
  );
  const table = useReactTable({
    data: alerts,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.alertUid,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
    meta,
  });
  const getRow = useCallback(
    (index: number): Row<QueueAlert> | undefined => table.getRowModel().rows[index],
    [table],
  );
  const onRowKey = useCallback(
    (key: string, row: Row<QueueAlert>) => {
      if (!canAct || resolvedView) return false;
      const a = row.original;
      if (key === "c") {
        setClaiming({
          uid: a.alertUid,
          summary: a.contextSummary,
          note: a.claim?.note ?? undefined,
        });
        return true;
      }
      if (key === "r") {
        setResolving([toTarget(a)]);
        return true;
      }
      return false;
    },
    [canAct, resolvedView],
  );

  const counts = list.data?.counts;
  const priorities = new Set(query.priority ?? []);
  const togglePriority = (p: (typeof ALERT_PRIORITIES)[number]) => {
    const next = new Set(priorities);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    url.setQuery({ priority: next.size ? [...next] : undefined });
  };
  const age =
    query.maxAgeHours !== undefined
      ? `max:${query.maxAgeHours}`
      : query.minAgeHours !== undefined
        ? `min:${query.minAgeHours}`
        : "";
  const newCount = alerts.filter((a) => isNew(a, lastLook)).length;
  const openDetail = (d: AlertDetailResponse) => d.alert;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          {list.data?.freshness.fetchedAt
            ? `Open alerts as of ${formatRelativeTime(list.data.freshness.fetchedAt, now)}; Datto is read every minute.`
            : "Reading open alerts from Datto…"}
        </p>
      </div>
      {list.data?.freshness.stale && list.data.freshness.reason && (
        <InlineAlert tone="warning">{list.data.freshness.reason}</InlineAlert>
      )}
      {url.ignored.length > 0 && (
        <InlineAlert tone="warning">
          Ignored invalid link parameters: {url.ignored.join(", ")}.
        </InlineAlert>
      )}

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Which alerts">
        <div className="flex rounded-md border border-slate-300 dark:border-slate-600">
          {(["open", "resolved"] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={(query.state ?? "open") === s}
              onClick={() => {
                setSelected(new Set());
                url.setQuery({
                  state: s === "open" ? undefined : s,
                  sort: undefined,
                  dir: undefined,
                });
              }}
              className={cn(
                "px-3 py-1 text-sm",
                (query.state ?? "open") === s
                  ? "bg-indigo-600 text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
              )}
            >
              {s === "open" ? "Open" : "Resolved (24 h)"}
            </button>
          ))}
        </div>
        {ALERT_PRIORITIES.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={priorities.has(p)}
            onClick={() => togglePriority(p)}
            className={cn(
              "rounded-full border px-2.5 py-0.5 text-sm",
              CHIP_TONE[p] ??
                "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200",
              priorities.has(p) && "bg-slate-900 text-white dark:bg-white dark:text-slate-900",
            )}
          >
            {p} <span className="font-semibold">{counts ? counts[p] : "…"}</span>
          </button>
        ))}
        {newCount > 0 && (
          <Button size="sm" variant="ghost" onClick={() => setLastLook(Date.now())}>
            {newCount} new since your last look — mark seen
          </Button>
        )}
      </div>

      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor="alert-search" className="sr-only">
          Search alerts
        </label>
        <DebouncedInput
          id="alert-search"
          inputRef={searchRef}
          type="search"
          placeholder="Search summary, diagnostics, device, site, who…  ( / )"
          className="h-8! max-w-sm"
          value={query.q ?? ""}
          onValueChange={(q) => url.setQuery({ q: q || undefined })}
        />
        <Select
          aria-label="Site"
          className="h-8! w-44"
          value={query.siteUid?.[0] ?? ""}
          onChange={(e) => url.setQuery({ siteUid: e.target.value ? [e.target.value] : undefined })}
          options={[
            { value: "", label: "All sites" },
            ...(list.data?.sites ?? []).map((s) => ({ value: s.uid, label: endpointText(s.name) })),
          ]}
        />
        <Select
          aria-label="Kind of alert"
          className="h-8! w-48"
          value={query.class?.[0] ?? ""}
          onChange={(e) => url.setQuery({ class: e.target.value ? [e.target.value] : undefined })}
          options={[
            { value: "", label: "All kinds" },
            ...(list.data?.classes ?? []).map((c) => ({ value: c, label: classLabel(c) })),
          ]}
        />
        <Select
          aria-label="Age"
          className="h-8! w-40"
          value={age}
          onChange={(e) => {
            const [kind, n] = e.target.value.split(":");
            url.setQuery({
              maxAgeHours: kind === "max" ? Number(n) : undefined,
              minAgeHours: kind === "min" ? Number(n) : undefined,
            });
          }}
          options={AGES}
        />
        {!resolvedView && (
          <Select
            aria-label="Claimed"
            className="h-8! w-40"
            value={query.claimed ?? ""}
            onChange={(e) =>
              url.setQuery({ claimed: (e.target.value || undefined) as typeof query.claimed })
            }
            options={CLAIMED}
          />
        )}
        <Select
          aria-label="Grouping"
          className="h-8! w-40"
          value={group ?? ""}
          onChange={(e) => url.setGroup((e.target.value || null) as typeof group)}
          options={GROUP_OPTIONS}
        />
        {query.deviceUid && (
          <Button size="sm" variant="ghost" onClick={() => url.setQuery({ deviceUid: undefined })}>
            Clear device filter
          </Button>
        )}
        <SavedAlertViews query={query} group={group} onApply={url.replaceView} />
        <a href={alertExportUrl(query)} download className={buttonClasses("secondary", "sm")}>
          Export CSV
        </a>
        <CriticalNotifier alerts={resolvedView ? [] : alerts} />
      </div>

      {group && <AlertGroups alerts={alerts} group={group} onPick={url.setQuery} />}

      {canAct && !resolvedView && selectedVisible.length > 0 && (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-950"
          role="region"
          aria-label="Selection"
        >
          <span>{selectedVisible.length} selected</span>
          <Button
            size="sm"
            variant="danger"
            onClick={() => setResolving(selectedVisible.map(toTarget))}
          >
            Resolve {selectedVisible.length}…
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
          <span className="text-xs text-slate-600 dark:text-slate-400">{RESOLVE_CAUTION}</span>
        </div>
      )}
      {canAct && !resolvedView && alerts.length > 0 && selectedVisible.length === 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Keys in the list: j/k move, x select, c claim, r resolve, Enter details.{" "}
          <button type="button" className="underline" onClick={() => setSelected(new Set(visible))}>
            Select all {alerts.length} shown
          </button>
        </p>
      )}

      <div className={cn("grid min-h-0 gap-3", open && "xl:grid-cols-[minmax(0,1fr)_28rem]")}>
        {list.error && !list.data ? (
          <ErrorState
            title="Alerts could not be loaded"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <VirtualTable
            table={table}
            label={resolvedView ? "Recently resolved alerts" : "Open alerts"}
            rowCount={alerts.length}
            getRow={getRow}
            onVisibleRangeChange={noop}
            onOpenRow={(row) => url.setOpen(row.original.alertUid)}
            onToggleRow={
              canAct && !resolvedView ? (_i, row) => toggle(row.original.alertUid) : undefined
            }
            onRowKey={onRowKey}
            resetKey={JSON.stringify(query)}
            renderKey={`${now}:${lastLook}:${selected.size}:${[...selected].join(",").length}`}
            isBusy={list.isPending}
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
            if (finished) setSelected(new Set());
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

const noop = () => {};
