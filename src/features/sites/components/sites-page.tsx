import { useQuery } from "@tanstack/react-query";
import {
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type SortingState,
} from "@tanstack/react-table";
import { useCallback, useMemo, useRef } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { SiteQuerySchema, type SiteQuery, type SiteRow } from "@server/contract/sites";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { focusResultsOnArrowDown, useSlashFocus } from "@/components/data-table/use-slash-focus";
import { VirtualTable } from "@/components/data-table/virtual-table";
import { ErrorState } from "@/components/ui/error-state";
import { isFirstSync } from "@/entities/fleet/first-sync";
import { FleetFreshness } from "@/entities/fleet/fleet-freshness";
import { siteQueries } from "@/entities/site/site-queries";
import { useDocumentTitle } from "@/lib/use-document-title";
import { SITE_COLUMNS } from "./site-columns";

const noop = () => {};
const NO_SITES: SiteRow[] = [];

/** Datto's "Deleted Devices" site, apart from the ranking: a link, never a row among sites. */
function DeletedDevicesLink(props: { site: SiteRow | undefined }) {
  if (!props.site) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Not ranked:{" "}
      <Link
        to={`/sites/${encodeURIComponent(props.site.uid)}`}
        className="text-indigo-700 underline dark:text-indigo-300"
      >
        {props.site.name}
      </Link>{" "}
      ({props.site.devices.toLocaleString()} {props.site.devices === 1 ? "device" : "devices"})
    </p>
  );
}

function useSiteUrlQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<SiteQuery>(() => {
    const parsed = SiteQuerySchema.safeParse(Object.fromEntries(params));
    return parsed.success ? parsed.data : {};
  }, [params]);
  const setQuery = useCallback(
    (patch: Partial<SiteQuery>) => {
      const next = { ...query, ...patch };
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value) out.set(key, String(value));
      setParams(out, { replace: true });
    },
    [query, setParams],
  );
  return { query, setQuery };
}

/** Every site, ranked by how much attention it needs (the parts of the score are shown). */
export function SitesPage() {
  useDocumentTitle("Sites");
  const { query, setQuery } = useSiteUrlQuery();
  const sites = useQuery(siteQueries.list(query));
  const all = sites.data?.rows ?? NO_SITES;
  const ranked = useMemo(() => all.filter((s) => !s.isDeletedDevices), [all]);
  const deleted = all.find((s) => s.isDeletedDevices);
  const navigate = useNavigate();
  const sorting = useMemo<SortingState>(
    () => [
      {
        id: query.sort ?? "attention",
        desc: (query.dir ?? (query.sort ? "asc" : "desc")) === "desc",
      },
    ],
    [query.sort, query.dir],
  );
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const first = (typeof updater === "function" ? updater(sorting) : updater)[0];
      setQuery(
        first
          ? { sort: first.id as SiteQuery["sort"], dir: first.desc ? "desc" : "asc" }
          : { sort: undefined, dir: undefined },
      );
    },
    [sorting, setQuery],
  );
  const table = useReactTable({
    data: ranked,
    columns: SITE_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.uid,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useSlashFocus(searchRef);
  const rows = table.getRowModel().rows;
  const total = sites.data ? ranked.length : undefined;

  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">Sites</h1>
      <FleetFreshness
        freshness={sites.data?.freshness}
        sync={sites.data?.sync}
        summary={
          total === undefined
            ? undefined
            : `${total.toLocaleString()} ${total === 1 ? "site" : "sites"}`
        }
      />
      <div className="flex items-center gap-2">
        <label htmlFor="site-search" className="sr-only">
          Search sites
        </label>
        <DebouncedInput
          id="site-search"
          inputRef={searchRef}
          type="search"
          placeholder="Search sites  ( / )"
          className="h-8! max-w-sm"
          value={query.q ?? ""}
          onValueChange={(q) => setQuery({ q: q || undefined })}
          onKeyDown={focusResultsOnArrowDown(gridRef)}
        />
      </div>
      {sites.isError && !sites.data ? (
        <ErrorState
          title="Sites could not be loaded"
          error={sites.error}
          onRetry={() => void sites.refetch()}
        />
      ) : (
        <VirtualTable
          table={table}
          label="Sites"
          gridRef={gridRef}
          rowCount={rows.length}
          getRow={(index) => rows[index]}
          onVisibleRangeChange={noop}
          onOpenRow={(row) => navigate(`/sites/${encodeURIComponent(row.original.uid)}`)}
          resetKey={JSON.stringify(query)}
          isBusy={sites.isPending}
          empty={
            isFirstSync(sites.data)
              ? "Syncing with Datto… sites appear here when the first sync finishes."
              : "No sites match."
          }
          className="max-h-[calc(100vh-16rem)] min-h-40"
        />
      )}
      <DeletedDevicesLink site={deleted} />
    </div>
  );
}
