import { useState } from "react";
import { Link } from "react-router";
import { ALERT_PRIORITIES, type AlertClaim, type DeviceAlert } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/session";
import { ClaimDialog } from "./claim-dialog";
import { ResolveDialog, type ResolveTarget } from "./resolve-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { PriorityBadge } from "./priority-badge";

/** Most urgent first, then newest: the order a technician works a list of open alerts in. */
export function byPriority(a: DeviceAlert, b: DeviceAlert): number {
  const rank = ALERT_PRIORITIES.indexOf(a.priority) - ALERT_PRIORITIES.indexOf(b.priority);
  return rank !== 0 ? rank : (b.timestamp ?? 0) - (a.timestamp ?? 0);
}

/**
 * Alerts as a list: priority, what happened (the context summary, then Datto's diagnostics),
 * when, and for resolved ones by whom. Endpoint text is shown as plain text (endpointText).
 */
export function AlertList(props: {
  alerts: readonly DeviceAlert[];
  emptyTitle: string;
  /** Link each alert to its device (on a site page, where alerts come from many devices). */
  showDevice?: boolean;
  /** Open alerts: claim, resolve and the queue's detail, as in the queue (claims from it). */
  actions?: { claims: ReadonlyMap<string, AlertClaim> };
}) {
  const now = useNow();
  const canClaim = useCan("alerts:claim");
  const canResolve = useCan("alerts:resolve");
  const [resolving, setResolving] = useState<ResolveTarget | null>(null);
  const [claiming, setClaiming] = useState<DeviceAlert | null>(null);
  if (props.alerts.length === 0) return <EmptyState title={props.emptyTitle} />;
  return (
    <>
      {resolving && <ResolveDialog targets={[resolving]} onClose={() => setResolving(null)} />}
      {claiming && (
        <ClaimDialog
          alertUid={claiming.alertUid}
          summary={claiming.contextSummary}
          onClose={() => setClaiming(null)}
        />
      )}
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
        {props.alerts.map((alert) => (
          <li
            key={alert.alertUid}
            className="flex flex-col gap-1 px-3 py-2 text-sm sm:flex-row sm:items-start sm:gap-3"
          >
            <div className="w-24 shrink-0">
              <PriorityBadge priority={alert.priority} />
            </div>
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words">{endpointText(alert.contextSummary)}</p>
              {alert.diagnostics && (
                <p className="mt-0.5 whitespace-pre-wrap break-words text-slate-600 dark:text-slate-400">
                  {endpointText(alert.diagnostics)}
                </p>
              )}
              {props.showDevice && alert.deviceUid && (
                <Link
                  to={`/devices/${encodeURIComponent(alert.deviceUid)}?tab=alerts`}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {endpointText(alert.deviceName) ?? alert.deviceUid}
                </Link>
              )}
            </div>
            <div className="shrink-0 text-slate-600 sm:text-right dark:text-slate-400">
              {alert.timestamp !== null && (
                <time
                  dateTime={new Date(alert.timestamp).toISOString()}
                  title={formatDateTime(alert.timestamp)}
                >
                  {formatRelativeTime(alert.timestamp, now)}
                </time>
              )}
              {alert.resolved && (
                <p>
                  Resolved{alert.resolvedBy ? ` by ${endpointText(alert.resolvedBy)}` : ""}
                  {alert.resolvedOn !== null ? ` ${formatRelativeTime(alert.resolvedOn, now)}` : ""}
                </p>
              )}
              {props.actions && !alert.resolved && (
                <AlertRowActions
                  alert={alert}
                  claim={props.actions.claims.get(alert.alertUid) ?? null}
                  canClaim={canClaim}
                  canResolve={canResolve}
                  onClaim={() => setClaiming(alert)}
                  onResolve={() =>
                    setResolving({
                      alertUid: alert.alertUid,
                      summary: alert.contextSummary,
                      device: alert.deviceName,
                    })
                  }
                />
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function AlertRowActions(props: {
  alert: DeviceAlert;
  claim: AlertClaim | null;
  canClaim: boolean;
  canResolve: boolean;
  onClaim: () => void;
  onResolve: () => void;
}) {
  const { alert, claim } = props;
  const queue = `/alerts?${new URLSearchParams({
    ...(alert.deviceUid ? { deviceUid: alert.deviceUid } : {}),
    alert: alert.alertUid,
  }).toString()}`;
  return (
    <div className="mt-1 flex flex-wrap items-center justify-end gap-2">
      {claim && <span>Claimed by {endpointText(claim.by)}</span>}
      <Link to={queue} className="text-indigo-700 underline dark:text-indigo-300">
        Details
      </Link>
      {props.canClaim && !claim && (
        <Button size="sm" variant="ghost" onClick={props.onClaim}>
          Claim
        </Button>
      )}
      {props.canResolve && (
        <Button size="sm" variant="ghost" onClick={props.onResolve}>
          Resolve…
        </Button>
      )}
    </div>
  );
}
