import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { AlertList } from "@/components/data-table/alerts/alert-list";
import { FleetFreshness } from "@/components/data-table/fleet-freshness";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { errorMessage, isApiRequestError } from "@/lib/api-client";
import { useHasRole } from "@/lib/session";
import { useRefreshSite } from "../api/mutations";
import { siteQueries } from "../api/queries";
import { SiteDevices } from "./site-devices";
import { SiteSummary } from "./site-summary";

function SiteAlerts(props: { siteUid: string }) {
  const alerts = useQuery(siteQueries.alerts(props.siteUid));
  return (
    <section aria-labelledby="site-alerts-heading" className="space-y-2">
      <h2 id="site-alerts-heading" className="text-lg font-semibold">
        Open alerts{alerts.data ? ` (${alerts.data.total})` : ""}
      </h2>
      {alerts.isPending && <PageSpinner label="Loading alerts…" />}
      {alerts.isError && (
        <ErrorState
          title="Alerts could not be loaded"
          error={alerts.error}
          onRetry={() => void alerts.refetch()}
        />
      )}
      {alerts.data && (
        <AlertList
          alerts={alerts.data.alerts}
          emptyTitle="No open alerts at this site."
          showDevice
        />
      )}
    </section>
  );
}

/** One site: its summary and attention score, its devices and its open alerts. */
export function SitePage() {
  const siteUid = useParams().siteUid ?? "";
  const site = useQuery(siteQueries.detail(siteUid));
  const refresh = useRefreshSite(siteUid);
  const canRefresh = useHasRole("technician");

  if (site.isPending) return <PageSpinner label="Loading site…" />;
  if (site.isError) {
    if (isApiRequestError(site.error, 404)) {
      return (
        <EmptyState
          title="No such site"
          titleAs="h1"
          action={
            <Link to="/sites" className="text-indigo-700 underline dark:text-indigo-300">
              All sites
            </Link>
          }
        >
          It may have been deleted in Datto.
        </EmptyState>
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
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
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
        {canRefresh && (
          <Button size="sm" isPending={refresh.isPending} onClick={() => refresh.mutate()}>
            Refresh from Datto
          </Button>
        )}
      </div>
      {refresh.isError && <InlineAlert>{errorMessage(refresh.error)}</InlineAlert>}
      <SiteSummary site={data} />
      <SiteDevices siteUid={siteUid} />
      <SiteAlerts siteUid={siteUid} />
    </div>
  );
}
