import type { SortingState } from "@tanstack/react-table";
import type { SoftwareSearchQuery, SoftwareSearchResponse } from "@server/contract/software";
import { Button, buttonClasses } from "@/components/ui/button";
import { endpointText } from "@/lib/endpoint-text";
import { softwareExportUrl } from "../api/queries";
import { SoftwareResults } from "./software-results";
import { VersionBreakdown } from "./version-breakdown";

const n = (value: number) => value.toLocaleString();

/**
 * The matches as the server keeps and orders them for the view (a version, a column's order:
 * every match counts, not only the listed ones), the versions to pick from, and the export of
 * them all.
 */
export function SearchResults(props: {
  result: SoftwareSearchResponse;
  query: SoftwareSearchQuery;
  onView: (patch: Record<string, string | null>) => void;
}) {
  const { result, query, onView } = props;
  // "" is the entries Datto lists without a version.
  const version = query.unversioned ? "" : (query.version ?? null);
  const sorting: SortingState = query.sort ? [{ id: query.sort, desc: query.dir === "desc" }] : [];
  const setVersion = (next: string | null) =>
    onView({ version: next || null, unversioned: next === "" ? "true" : null });
  const setSorting = (next: SortingState) => {
    const [first] = next;
    onView({ sort: first?.id ?? null, dir: first ? (first.desc ? "desc" : "asc") : null });
  };
  const count = n(result.filteredCount);
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            {version === null
              ? `${count} ${result.filteredCount === 1 ? "match" : "matches"}`
              : `${count} with version ${endpointText(version) || "(none)"}`}
          </span>
          {version !== null && (
            <Button size="sm" variant="ghost" onClick={() => setVersion(null)}>
              Show every version
            </Button>
          )}
          {result.filteredCount > 0 && (
            <a
              href={softwareExportUrl(query)}
              download
              className={buttonClasses("secondary", "sm")}
            >
              Export {count} as CSV
            </a>
          )}
        </div>
        <SoftwareResults
          matches={result.matches}
          sorting={sorting}
          onSortingChange={setSorting}
          resetKey={`${result.query}|${version ?? ""}`}
        />
      </div>
      <VersionBreakdown
        versions={result.versions}
        total={result.matchCount}
        selected={version}
        onSelect={setVersion}
      />
    </div>
  );
}
