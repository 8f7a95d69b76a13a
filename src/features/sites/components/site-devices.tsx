import type { RowSelectionState, VisibilityState } from "@tanstack/react-table";
import { useRef, useState } from "react";
import { Link } from "react-router";
import type { DeviceQuery } from "@server/contract/devices";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { DEFAULT_VISIBLE_COLUMNS } from "@/components/data-table/devices/device-columns";
import { DeviceTable, type DeviceSort } from "@/components/data-table/devices/device-table";
import { useDeviceWindows } from "@/components/data-table/devices/use-device-windows";
import { focusResultsOnArrowDown, useSlashFocus } from "@/components/data-table/use-slash-focus";

const VISIBLE: VisibilityState = Object.fromEntries(
  DEFAULT_VISIBLE_COLUMNS.map((id) => [id, id !== "select" && id !== "siteName"]),
);
const noUdfs: string[] = [];
const noop = () => {};

/** The site's devices in the same virtualized table as the device browser, scoped to the site. */
export function SiteDevices(props: { siteUid: string }) {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<DeviceSort>({ sort: undefined, dir: undefined });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const query: DeviceQuery = { siteUid: props.siteUid, q: q || undefined, ...sort };
  const windows = useDeviceWindows(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useSlashFocus(searchRef);

  return (
    <section aria-labelledby="site-devices-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="site-devices-heading" className="text-lg font-semibold">
          Devices{windows.latest ? ` (${windows.latest.total.toLocaleString()})` : ""}
        </h2>
        <Link
          to={`/devices?siteUid=${encodeURIComponent(props.siteUid)}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Open in the device browser
        </Link>
      </div>
      <label htmlFor="site-device-search" className="sr-only">
        Search this site's devices
      </label>
      <DebouncedInput
        id="site-device-search"
        type="search"
        inputRef={searchRef}
        placeholder="Search this site's devices  ( / )"
        className="h-8! max-w-sm"
        value={q}
        onValueChange={setQ}
        onKeyDown={focusResultsOnArrowDown(gridRef)}
      />
      <DeviceTable
        label="Devices of this site"
        gridRef={gridRef}
        query={query}
        windows={windows}
        onSortChange={setSort}
        columnVisibility={VISIBLE}
        onColumnVisibilityChange={noop}
        rowSelection={selection}
        onRowSelectionChange={setSelection}
        udfKeys={noUdfs}
        udfLabels={{}}
        className="max-h-[28rem]"
        empty="No devices at this site match."
      />
    </section>
  );
}
