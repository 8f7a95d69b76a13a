import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { SoftwareSearchQuerySchema } from "@server/contract/software";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { siteQueries } from "@/entities/site/site-queries";
import { downloadCsv } from "@/lib/csv-file";
import { endpointText } from "@/lib/endpoint-text";
import { useDocumentTitle } from "@/lib/use-document-title";
import { softwareSearchQueries } from "../api/queries";
import { CrawlProgress } from "./crawl-progress";
import { SoftwareResults, type SoftwareMatch } from "./software-results";
import { VersionBreakdown } from "./version-breakdown";

/** The version filter lives in the URL beside the search, so Back and links keep it. */
const VERSION_PARAM = "version";

function exportMatches(name: string, matches: readonly SoftwareMatch[]) {
  const safe = name.replace(/[^\w.-]+/g, "-").slice(0, 40);
  downloadCsv(
    `software-${safe}.csv`,
    ["Device", "Site", "Software", "Version"],
    matches.map((m) => [
      endpointText(m.hostname),
      m.siteName,
      endpointText(m.name),
      endpointText(m.version),
    ]),
  );
}

/** "Which devices have X installed, and which version?" across the fleet or one site. */
export function SoftwareSearchPage() {
  const [params, setParams] = useSearchParams();
  const parsed = SoftwareSearchQuerySchema.safeParse(Object.fromEntries(params));
  const query = parsed.success ? parsed.data : null;
  const version = params.get(VERSION_PARAM);
  useDocumentTitle(query ? `"${query.name}"` : null, "Software");
  const [name, setName] = useState(params.get("name") ?? "");
  const [siteUid, setSiteUid] = useState(params.get("siteUid") ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const sites = useQuery(siteQueries.options());
  const search = useQuery({
    ...softwareSearchQueries.search(query ?? { name: "" }),
    enabled: query !== null,
  });
  const result = search.data;
  const shown = useMemo(
    () =>
      version === null
        ? (result?.matches ?? [])
        : (result?.matches ?? []).filter((m) => m.version === version),
    [result, version],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = SoftwareSearchQuerySchema.safeParse({ name, siteUid });
    if (!next.success) {
      setFormError(next.error.issues[0]?.message ?? "Check the search.");
      return;
    }
    setFormError(null);
    const out = new URLSearchParams({ name: next.data.name });
    if (next.data.siteUid) out.set("siteUid", next.data.siteUid);
    setParams(out);
  };
  const setVersion = (next: string | null) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === null) out.delete(VERSION_PARAM);
        else out.set(VERSION_PARAM, next);
        return out;
      },
      { replace: true },
    );

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Software search</h1>
      <form
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-3"
        aria-label="Software search"
      >
        <label className="text-sm">
          <span className="block font-medium">Which devices have installed…</span>
          <Input
            className="w-72 max-w-full"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Chrome"
            aria-invalid={formError ? true : undefined}
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Where</span>
          <Select
            className="w-64 max-w-full"
            value={siteUid}
            onChange={(e) => setSiteUid(e.target.value)}
            options={[{ value: "", label: "The whole fleet" }, ...(sites.data ?? [])]}
          />
        </label>
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      {formError && <InlineAlert>{formError}</InlineAlert>}
      {search.isError && (
        <ErrorState
          title="The search failed"
          error={search.error}
          onRetry={() => void search.refetch()}
        />
      )}
      {result && <CrawlProgress result={result} />}
      {result && (
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <div className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>
                {version === null
                  ? `${shown.length.toLocaleString()} listed`
                  : `${shown.length.toLocaleString()} listed with version ${endpointText(version) || "(none)"}`}
              </span>
              {version !== null && (
                <Button size="sm" variant="ghost" onClick={() => setVersion(null)}>
                  Show every version
                </Button>
              )}
              <Button
                size="sm"
                disabled={shown.length === 0}
                onClick={() => exportMatches(result.query, shown)}
              >
                Export {shown.length.toLocaleString()} listed (CSV)
              </Button>
            </div>
            <SoftwareResults matches={shown} resetKey={`${result.query}|${version ?? ""}`} />
          </div>
          <VersionBreakdown
            versions={result.versions}
            total={result.matchCount}
            selected={version}
            onSelect={setVersion}
          />
        </div>
      )}
    </div>
  );
}
