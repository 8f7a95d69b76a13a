import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { NotFoundState } from "@/components/ui/not-found-state";
import { PageSpinner } from "@/components/ui/spinner";
import { FleetFreshness } from "@/entities/fleet/fleet-freshness";
import { RefreshButton, RefreshResult } from "@/entities/fleet/refresh-control";
import { siteQueries } from "@/entities/site/site-queries";
import { isApiRequestError } from "@/lib/api-client";
import { useCan } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useRefreshSite } from "../api/mutations";
import { SiteAlerts } from "./site-alerts";
import { SiteDevices } from "./site-devices";
import { SiteSummary } from "./site-summary";

/** One site: its summary and attention score, its devices and its open alerts. */
export function SitePage() {
  const siteUid = useParams().siteUid ?? "";
  const site = useQuery(siteQueries.detail(siteUid));
  const refresh = useRefreshSite(siteUid);
  const canRefresh = useCan("fleet:refresh");
  useDocumentTitle(site.data?.name ?? (site.isError ? "No such site" : null), "Sites");

  if (site.isPending) return <PageSpinner label="Loading site…" />;
  if (site.isError) {
    if (isApiRequestError(site.error, 404) || isApiRequestError(site.error, 400)) {
      return (
        <NotFoundState title="No such site" backTo="/sites" backLabel="All sites">
          It may have been deleted in Datto, or the link is wrong.
        </NotFoundState>
      );
    }
    return (
      <ErrorState
        title="The site could not be loaded"
        error={site.error}
        onRetry={() => void site.refetch()}
      />
    );
  }
  const data = site.data;
  const refreshState = {
    refresh: () => refresh.mutate(),
    isPending: refresh.isPending,
    outcome: refresh.data,
    error: refresh.error,
  };
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <nav aria-label="Breadcrumb" className="text-sm">
              <Link to="/sites" className="text-indigo-700 hover:underline dark:text-indigo-300">
                Sites
              </Link>
            </nav>
            <h1 className="text-xl font-semibold break-words">{data.name}</h1>
            {data.description && (
              <p className="text-slate-600 dark:text-slate-400">{data.description}</p>
            )}
            {data.autotaskCompanyName && (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Autotask: {data.autotaskCompanyName}
              </p>
            )}
            <FleetFreshness freshness={data.freshness} />
          </div>
          {canRefresh && <RefreshButton state={refreshState} />}
        </div>
        <RefreshResult state={refreshState} />
      </div>
      <SiteSummary site={data} />
      <SiteDevices siteUid={siteUid} />
      <SiteAlerts siteUid={siteUid} />
    </div>
  );
}
