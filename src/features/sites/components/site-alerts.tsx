import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { AlertList, byPriority } from "@/entities/alert/alert-list";
import { alertQueries } from "@/entities/alert/alert-queries";

/** The site's open alerts, most urgent first, each linked to its device. */
export function SiteAlerts(props: { siteUid: string }) {
  const alerts = useQuery(alertQueries.ofSite(props.siteUid, "open"));
  const queue = useQuery(alertQueries.queue({ siteUid: [props.siteUid] }));
  const claims = new Map(
    (queue.data?.alerts ?? []).flatMap((a) => (a.claim ? [[a.alertUid, a.claim] as const] : [])),
  );
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
          alerts={[...alerts.data.alerts].sort(byPriority)}
          emptyTitle="No open alerts at this site."
          showDevice
          actions={{ claims }}
        />
      )}
    </section>
  );
}
