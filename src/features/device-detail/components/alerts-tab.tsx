import { useQuery } from "@tanstack/react-query";
import { AlertList } from "@/components/data-table/alerts/alert-list";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { deviceDetailQueries, type AlertState } from "../api/queries";

function AlertSection(props: { uid: string; state: AlertState }) {
  const alerts = useQuery(deviceDetailQueries.alerts(props.uid, props.state));
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
          alerts={alerts.data.alerts}
          emptyTitle={props.state === "open" ? "No open alerts." : "No resolved alerts."}
        />
      )}
    </section>
  );
}

export function AlertsTab(props: { uid: string }) {
  return (
    <div className="space-y-6">
      <AlertSection uid={props.uid} state="open" />
      <AlertSection uid={props.uid} state="resolved" />
    </div>
  );
}
