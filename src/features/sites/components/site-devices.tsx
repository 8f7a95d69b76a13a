import type { VisibilityState } from "@tanstack/react-table";
import { useRef, useState } from "react";
import { Link } from "react-router";
import type { DeviceQuery } from "@server/contract/devices";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { focusResultsOnArrowDown, useSlashFocus } from "@/components/data-table/use-slash-focus";
import { DEFAULT_VISIBLE_COLUMNS } from "@/entities/device/device-columns";
import { DeviceTable, type DeviceSort } from "@/entities/device/device-table";
import { useDeviceWindows } from "@/entities/device/use-device-windows";

/** The device browser's default columns, without the site (they all share it). */
const VISIBLE: VisibilityState = Object.fromEntries(
  DEFAULT_VISIBLE_COLUMNS.map((id) => [id, id !== "siteName"]),
);
const NO_UDFS: string[] = [];
const NO_LABELS = {};

/**
 * The site's devices in the same virtualized table as the device browser, scoped to the site. No
 * checkboxes: actions on devices live in the device browser ("Open in the device browser").
 */
export function SiteDevices(props: { siteUid: string }) {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<DeviceSort>({ sort: undefined, dir: undefined });
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
        udfKeys={NO_UDFS}
        udfLabels={NO_LABELS}
        className="max-h-[28rem]"
        empty="No devices at this site match."
      />
    </section>
  );
}
