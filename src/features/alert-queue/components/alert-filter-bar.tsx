import type { RefObject } from "react";
import type { AlertQueueQuery, AlertQueueResponse, QueueAlert } from "@server/contract/alerts";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { Button, buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { alertExportUrl } from "@/entities/alert/alert-queries";
import { endpointText } from "@/lib/endpoint-text";
import type { Group } from "../use-alert-url-state";
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

// On a phone the filters pair up, two to a row (w-[calc(50%-0.25rem)] beside the gap-2), instead
// of a ragged column of fixed widths; from sm up each has its own width.

/** The age filter as one select value: "max:24" (newer than a day), "min:24" (older). */
const ageValue = (query: AlertQueueQuery): string =>
  query.maxAgeHours !== undefined
    ? `max:${query.maxAgeHours}`
    : query.minAgeHours !== undefined
      ? `min:${query.minAgeHours}`
      : "";

/**
 * The queue's filters (search, site, kind, age, claimed), grouping, saved views, the CSV export of
 * the same view and the opt-in Critical notifier. Every change goes to the URL (`onQuery`).
 */
export function AlertFilterBar(props: {
  query: AlertQueueQuery;
  group: Group | null;
  latest: AlertQueueResponse | undefined;
  resolvedView: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onQuery: (patch: Partial<AlertQueueQuery>) => void;
  onGroup: (group: Group | null) => void;
  onApplyView: (query: AlertQueueQuery, group: Group | null) => void;
  criticalAlerts: readonly QueueAlert[];
  onWatchCritical: (enabled: boolean) => void;
}) {
  const { query, group, latest, onQuery } = props;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label htmlFor="alert-search" className="sr-only">
        Search alerts
      </label>
      <DebouncedInput
        id="alert-search"
        inputRef={props.searchRef}
        type="search"
        placeholder="Search summary, diagnostics, device, site, who…  ( / )"
        className="h-8! max-w-sm"
        value={query.q ?? ""}
        onValueChange={(q) => onQuery({ q: q || undefined })}
      />
      <Select
        aria-label="Site"
        className="h-8! w-[calc(50%-0.25rem)] sm:w-44"
        value={query.siteUid?.[0] ?? ""}
        onChange={(e) => onQuery({ siteUid: e.target.value ? [e.target.value] : undefined })}
        options={[
          { value: "", label: "All sites" },
          ...(latest?.sites ?? []).map((s) => ({ value: s.uid, label: endpointText(s.name) })),
        ]}
      />
      <Select
        aria-label="Kind of alert"
        className="h-8! w-[calc(50%-0.25rem)] sm:w-48"
        value={query.class?.[0] ?? ""}
        onChange={(e) => onQuery({ class: e.target.value ? [e.target.value] : undefined })}
        options={[
          { value: "", label: "All kinds" },
          ...(latest?.classes ?? []).map((c) => ({ value: c, label: classLabel(c) })),
        ]}
      />
      <Select
        aria-label="Age"
        className="h-8! w-[calc(50%-0.25rem)] sm:w-40"
        value={ageValue(query)}
        onChange={(e) => {
          const [kind, n] = e.target.value.split(":");
          onQuery({
            maxAgeHours: kind === "max" ? Number(n) : undefined,
            minAgeHours: kind === "min" ? Number(n) : undefined,
          });
        }}
        options={AGES}
      />
      {!props.resolvedView && (
        <Select
          aria-label="Claimed"
          className="h-8! w-[calc(50%-0.25rem)] sm:w-40"
          value={query.claimed ?? ""}
          onChange={(e) =>
            onQuery({ claimed: (e.target.value || undefined) as typeof query.claimed })
          }
          options={CLAIMED}
        />
      )}
      <Select
        aria-label="Grouping"
        className="h-8! w-[calc(50%-0.25rem)] sm:w-40"
        value={group ?? ""}
        onChange={(e) => props.onGroup((e.target.value || null) as typeof group)}
        options={GROUP_OPTIONS}
      />
      {query.deviceUid && (
        <Button size="sm" variant="ghost" onClick={() => onQuery({ deviceUid: undefined })}>
          Clear device filter
        </Button>
      )}
      <SavedAlertViews query={query} group={group} onApply={props.onApplyView} />
      <a href={alertExportUrl(query)} download className={buttonClasses("secondary", "sm")}>
        Export CSV
      </a>
      <CriticalNotifier alerts={props.criticalAlerts} onEnabledChange={props.onWatchCritical} />
    </div>
  );
}
