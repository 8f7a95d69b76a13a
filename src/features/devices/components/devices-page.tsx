import { useRef, useState } from "react";
import type { DeviceListResponse } from "@server/contract/devices";
import { ColumnPicker } from "@/components/data-table/column-picker";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { focusResultsOnArrowDown, useSlashFocus } from "@/components/data-table/use-slash-focus";
import { Button, buttonClasses } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { deviceExportUrl } from "@/entities/device/device-export";
import { DeviceTable, type DeviceSort } from "@/entities/device/device-table";
import { useDeviceSelection } from "@/entities/device/use-device-selection";
import { useDeviceWindows } from "@/entities/device/use-device-windows";
import { isFirstSync } from "@/entities/fleet/first-sync";
import { FleetFreshness } from "@/entities/fleet/fleet-freshness";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useColumnState } from "../use-column-state";
import { useDeviceUrlState } from "../use-device-url-state";
import { activeFilterCount, DeviceFilters } from "./device-filters";
import { SavedViews } from "./saved-views";
import { SearchTips } from "./search-tips";
import { SelectionBar } from "./selection-bar";
import { UdfControls } from "./udf-controls";

const NO_FILTERS = {
  siteUid: undefined,
  status: undefined,
  deviceClass: undefined,
  deviceType: undefined,
  os: undefined,
  rebootRequired: undefined,
  patchStatus: undefined,
  antivirusStatus: undefined,
  lastSeenOlderThanDays: undefined,
  lastAuditOlderThanDays: undefined,
  udf: undefined,
  filterId: undefined,
};

const isUdf = (id: string) => id.startsWith("udf");

/** The fleet's devices: one virtualized table whose view (filters, sort, columns) is the URL. */
export function DevicesPage() {
  useDocumentTitle("Devices");
  const { query, columns, ignored, setQuery, setColumns } = useDeviceUrlState();
  const windows = useDeviceWindows(query);
  const cols = useColumnState(columns, setColumns, windows.latest?.udfInUse);
  const selection = useDeviceSelection(query, windows);
  const filterCount = activeFilterCount(query);
  const [showFilters, setShowFilters] = useState(filterCount > 0);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useSlashFocus(searchRef);

  const onSortChange = ({ sort, dir }: DeviceSort) => setQuery({ sort, dir });
  const total = windows.latest?.total;
  const summary =
    total === undefined
      ? undefined
      : `${total.toLocaleString()} ${total === 1 ? "device" : "devices"}`;

  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">Devices</h1>
      <FleetFreshness
        freshness={windows.latest?.freshness}
        sync={windows.latest?.sync}
        summary={summary}
      />
      {ignored.length > 0 && (
        <InlineAlert tone="warning">
          Ignored invalid link parameters: {ignored.join(", ")}.
        </InlineAlert>
      )}
      <DeviceTable
        label="Devices"
        query={query}
        windows={windows}
        onSortChange={onSortChange}
        columnVisibility={cols.columnVisibility}
        onColumnVisibilityChange={cols.onColumnVisibilityChange}
        columnOrder={cols.columnOrder}
        gridRef={gridRef}
        selection={selection}
        udfKeys={cols.udfKeys}
        udfLabels={cols.labels}
        className="h-[calc(100vh-17rem)] min-h-80"
        empty={emptyText(windows.latest)}
        toolbar={(table) => (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="device-search" className="sr-only">
                Search devices
              </label>
              <DebouncedInput
                id="device-search"
                inputRef={searchRef}
                type="search"
                placeholder="Search, or host: user: ip: site: os: udf5:  ( / )"
                className="h-8! max-w-md"
                value={query.q ?? ""}
                onValueChange={(q) => setQuery({ q: q || undefined })}
                onKeyDown={focusResultsOnArrowDown(gridRef)}
              />
              <SearchTips />
              <Button
                size="sm"
                aria-expanded={showFilters}
                onClick={() => setShowFilters((s) => !s)}
              >
                Filters{filterCount > 0 ? ` (${filterCount})` : ""}
              </Button>
              {filterCount > 0 && (
                <Button size="sm" variant="ghost" onClick={() => setQuery(NO_FILTERS)}>
                  Clear filters
                </Button>
              )}
              <ColumnPicker table={table} include={(id) => !isUdf(id)}>
                <UdfControls
                  table={table}
                  udfKeys={cols.udfKeys}
                  udfDevices={cols.udfDevices}
                  labels={cols.labels}
                  onAddColumn={cols.addColumn}
                />
              </ColumnPicker>
              <SavedViews query={query} columns={columns} />
              <a
                href={deviceExportUrl(query, columns)}
                download
                className={buttonClasses("secondary", "sm")}
              >
                Export CSV
              </a>
              {windows.isUpdating && !windows.isLoading && (
                <span role="status" className="text-sm text-slate-500">
                  Updating…
                </span>
              )}
            </div>
            {showFilters && <DeviceFilters query={query} onChange={setQuery} />}
            <SelectionBar control={selection} columns={columns} />
          </>
        )}
      />
    </div>
  );
}

/** What an empty table says: why there is nothing yet, or that nothing matches. */
function emptyText(latest: DeviceListResponse | undefined): string {
  if (isFirstSync(latest)) {
    return "Syncing with Datto… devices appear here when the first sync finishes.";
  }
  const filter = latest?.filter;
  if (filter?.state === "resolving") {
    const pages =
      filter.pagesTotal === null ? "" : ` (${filter.pagesDone} of ${filter.pagesTotal} pages)`;
    return `Reading this Datto filter's devices${pages}… they appear here when it is done.`;
  }
  if (filter?.state === "error") {
    return `Datto's filter could not be read: ${filter.lastError ?? "unknown error"} Reload to try again.`;
  }
  return "No devices match this view. Loosen the search or the filters.";
}
