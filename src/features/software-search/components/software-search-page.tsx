import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { SoftwareSearchQuerySchema } from "@server/contract/software";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { siteQueries } from "@/entities/site/site-queries";
import { useDocumentTitle } from "@/lib/use-document-title";
import { softwareSearchQueries } from "../api/queries";
import { CrawlProgress } from "./crawl-progress";
import { SearchResults } from "./search-results";

/**
 * The search in the URL. A link whose view params are wrong (an old or hand-edited one) still
 * searches, without them, and says which were ignored.
 */
function searchFromUrl(params: URLSearchParams) {
  const parsed = SoftwareSearchQuerySchema.safeParse(Object.fromEntries(params));
  if (parsed.success) return { query: parsed.data, ignored: [] };
  const ignored = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
  const plain = { name: params.get("name") ?? "", siteUid: params.get("siteUid") ?? "" };
  const fallback = SoftwareSearchQuerySchema.safeParse(plain);
  return fallback.success ? { query: fallback.data, ignored } : { query: null, ignored: [] };
}

/** Sets or drops params of the search's view (version, order), keeping the rest of the URL. */
function withView(current: URLSearchParams, patch: Record<string, string | null>) {
  const out = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) out.delete(key);
    else out.set(key, value);
  }
  return out;
}

/** "Which devices have X installed, and which version?" across the fleet or one site. */
export function SoftwareSearchPage() {
  const [params, setParams] = useSearchParams();
  const { query, ignored } = searchFromUrl(params);
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
  // The view lives in the URL beside the search, so Back and links keep it; the server applies it.
  const setView = (patch: Record<string, string | null>) =>
    setParams((current) => withView(current, patch), { replace: true });

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
      {ignored.length > 0 && (
        <InlineAlert tone="warning">
          Ignored invalid link parameters: {ignored.join(", ")}.
        </InlineAlert>
      )}
      {search.isError && (
        <ErrorState
          title="The search failed"
          error={search.error}
          onRetry={() => void search.refetch()}
        />
      )}
      {result && <CrawlProgress result={result} />}
      {result && query && <SearchResults result={result} query={query} onView={setView} />}
    </div>
  );
}
