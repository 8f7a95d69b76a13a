import { Link, useSearchParams } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { Select } from "@/components/ui/select";
import { JobRunList } from "@/entities/job/job-run-list";
import type { JobFilters } from "@/entities/job/job-queries";
import { useCan } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "dispatching", label: "Sending" },
  { value: "running", label: "Running" },
  { value: "finished", label: "Finished" },
  { value: "problems", label: "With problems" },
];

const FILTER_KEYS = ["status", "requester", "component", "deviceUid", "siteUid"] as const;

/** Every run started through RMM Deck, filtered by status, requester, component, device, site. */
export function JobsPage() {
  useDocumentTitle("Jobs");
  const [params, setParams] = useSearchParams();
  const canRun = useCan("jobs:run");
  const filters: JobFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Jobs</h1>
        {canRun && (
          <Link to="/jobs/new" className={buttonClasses("primary", "md")}>
            Run a component
          </Link>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter job runs">
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <Select
            aria-label="Status"
            value={filters.status ?? ""}
            onChange={(e) => set("status", e.target.value)}
            options={STATUS_OPTIONS}
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Requested by</span>
          <DebouncedInput
            aria-label="Requested by"
            value={filters.requester ?? ""}
            onValueChange={(v) => set("requester", v)}
            placeholder="Exact name"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Component</span>
          <DebouncedInput
            aria-label="Component"
            value={filters.component ?? ""}
            onValueChange={(v) => set("component", v)}
            placeholder="Part of the name"
          />
        </label>
        {(filters.deviceUid || filters.siteUid) && (
          <p className="text-sm">
            Only runs on {filters.deviceUid ? "one device" : "one site"}.{" "}
            <button
              type="button"
              className="text-indigo-700 underline dark:text-indigo-300"
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete("deviceUid");
                next.delete("siteUid");
                setParams(next, { replace: true });
              }}
            >
              Show all
            </button>
          </p>
        )}
      </div>
      <JobRunList filters={filters} empty="No job runs match." />
    </div>
  );
}
