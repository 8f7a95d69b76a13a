import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { AlertList, byPriority } from "@/entities/alert/alert-list";
import { alertQueries, type AlertState } from "@/entities/alert/alert-queries";

function AlertSection(props: { uid: string; state: AlertState }) {
  const alerts = useQuery(alertQueries.ofDevice(props.uid, props.state));
  const queue = useQuery({
    ...alertQueries.queue({ deviceUid: [props.uid] }),
    enabled: props.state === "open",
  });
  const claims = new Map(
    (queue.data?.alerts ?? []).flatMap((a) => (a.claim ? [[a.alertUid, a.claim] as const] : [])),
  );
  const title = props.state === "open" ? "Open alerts" : "Resolved alerts";
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold">
        {title}
        {alerts.data ? ` (${alerts.data.total})` : ""}
      </h3>
      {alerts.isPending && <PageSpinner label={`Loading ${title.toLowerCase()}…`} />}
      {alerts.isError && (
        <ErrorState
          title={`${title} could not be loaded`}
          error={alerts.error}
          onRetry={() => void alerts.refetch()}
        />
      )}
      {alerts.data && (
        <AlertList
          alerts={
            props.state === "open" ? [...alerts.data.alerts].sort(byPriority) : alerts.data.alerts
          }
          emptyTitle={props.state === "open" ? "No open alerts." : "No resolved alerts."}
          actions={props.state === "open" ? { claims } : undefined}
        />
      )}
    </section>
  );
}

/** Open alerts first, most urgent first; resolved ones below, newest first. */
export function AlertsTab(props: { uid: string }) {
  return (
    <div className="space-y-6">
      <AlertSection uid={props.uid} state="open" />
      <AlertSection uid={props.uid} state="resolved" />
    </div>
  );
}
