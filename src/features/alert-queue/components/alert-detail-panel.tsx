import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { AlertDetailResponse } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Spinner } from "@/components/ui/spinner";
import { AlertActions } from "@/entities/alert/alert-actions";
import { alertQueries } from "@/entities/alert/alert-queries";
import { PriorityBadge } from "@/entities/alert/priority-badge";
import { RESOLVE_CAUTION } from "@/entities/alert/resolve-dialog";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useNow } from "@/lib/use-now";

const yesNo = (v: boolean | null) => (v === null ? "—" : v ? "Yes" : "No");

/** One alert whole: what, where, since when, who is on it, what Datto did, and what to do. */
export function AlertDetailPanel(props: {
  uid: string;
  onClose: () => void;
  onOpen: (uid: string) => void;
  onClaim: (detail: AlertDetailResponse) => void;
  onResolve: (detail: AlertDetailResponse) => void;
}) {
  const detail = useQuery(alertQueries.detail(props.uid));
  const now = useNow();
  return (
    <section
      aria-labelledby="alert-detail-title"
      className="flex min-h-0 flex-col gap-3 overflow-auto rounded-md border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-950"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="alert-detail-title" className="text-base font-semibold">
          Alert detail
        </h2>
        <Button
          size="sm"
          variant="ghost"
          onClick={props.onClose}
          aria-label="Close the alert detail"
        >
          Close
        </Button>
      </div>
      {detail.isPending && <Spinner label="Loading the alert…" />}
      {detail.error && (
        <ErrorState
          title="This alert could not be loaded"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      )}
      {detail.data && <Body data={detail.data} now={now} {...props} />}
    </section>
  );
}

function Body(props: {
  data: AlertDetailResponse;
  now: number;
  onOpen: (uid: string) => void;
  onClaim: (detail: AlertDetailResponse) => void;
  onResolve: (detail: AlertDetailResponse) => void;
}) {
  const { data, now } = props;
  const a = data.alert;
  return (
    <div className="flex flex-col gap-4 text-sm">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <PriorityBadge priority={a.priority} />
          {a.resolved && (
            <span className="font-medium text-emerald-700 dark:text-emerald-300">Resolved</span>
          )}
          {a.resolveOutcome === "unknown" && (
            <span className="text-amber-800 dark:text-amber-300">
              Resolve sent, outcome unknown: the next poll will tell.
            </span>
          )}
        </div>
        <p className="text-base font-medium break-words">{endpointText(a.contextSummary)}</p>
        <p className="text-slate-600 dark:text-slate-400">
          Raised{" "}
          {a.timestamp === null
            ? "at an unknown time"
            : `${formatRelativeTime(a.timestamp, now)} (${formatDateTime(a.timestamp)})`}
          {a.contextClass ? ` · ${endpointText(a.contextClass)}` : ""}
        </p>
        {a.resolution && (
          <p>
            Resolved {formatRelativeTime(a.resolution.at, now)}{" "}
            {a.resolution.via === "deck"
              ? `by ${endpointText(a.resolution.by) ?? "?"} in RMM Deck`
              : `in Datto${a.resolution.by ? ` by ${endpointText(a.resolution.by)}` : " (auto-resolve, or someone in Datto's portal)"}`}
          </p>
        )}
      </div>

      <AlertActions
        alertUid={a.alertUid}
        claim={a.claim}
        resolved={a.resolved}
        onClaim={() => props.onClaim(data)}
        onResolve={() => props.onResolve(data)}
      />
      {!a.resolved && (
        <p className="text-xs text-slate-600 dark:text-slate-400">{RESOLVE_CAUTION}</p>
      )}

      <div>
        <h3 className="font-semibold">Device</h3>
        {data.device ? (
          <p>
            <Link
              className="text-indigo-700 underline dark:text-indigo-300"
              to={`/devices/${encodeURIComponent(data.device.uid)}?tab=alerts`}
            >
              {endpointText(data.device.hostname)}
            </Link>{" "}
            · {data.device.online ? "online" : "offline"}
            {data.device.lastSeen !== null &&
              `, last seen ${formatRelativeTime(data.device.lastSeen, now)}`}
            {a.siteName && (
              <>
                {" "}
                · site{" "}
                {a.siteUid ? (
                  <Link className="hover:underline" to={`/sites/${encodeURIComponent(a.siteUid)}`}>
                    {endpointText(a.siteName)}
                  </Link>
                ) : (
                  endpointText(a.siteName)
                )}
              </>
            )}
          </p>
        ) : (
          <p>{endpointText(a.deviceName) ?? "Unknown device"} (not in the fleet index)</p>
        )}
        {data.device && (
          <p className="mt-1 flex flex-wrap gap-3">
            <Link
              className="text-indigo-700 underline dark:text-indigo-300"
              to={`/devices/${encodeURIComponent(data.device.uid)}?tab=hardware`}
            >
              Hardware audit
            </Link>
            <Link
              className="text-indigo-700 underline dark:text-indigo-300"
              to={`/devices/${encodeURIComponent(data.device.uid)}?tab=software`}
            >
              Software audit
            </Link>
          </p>
        )}
      </div>

      <div>
        <h3 className="font-semibold">Diagnostics</h3>
        {a.diagnostics ? (
          <pre className="mt-1 max-h-60 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap break-words dark:bg-slate-900">
            {endpointText(a.diagnostics)}
          </pre>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">Datto sent no diagnostics.</p>
        )}
      </div>

      <div>
        <h3 className="font-semibold">Context</h3>
        {a.contextFields.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No context fields.</p>
        ) : (
          <dl className="mt-1 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1">
            {a.contextFields.map((f, i) => (
              <div key={`${f.key}-${i}`} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">
                  {f.key === "" ? "(empty key)" : endpointText(f.key)}
                </dt>
                <dd className="break-words font-mono text-xs">{endpointText(f.value) || "—"}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>

      <div>
        <h3 className="font-semibold">Response actions</h3>
        <p className="text-slate-600 dark:text-slate-400">
          Emails: {yesNo(a.sendsEmails)} · Ticket:{" "}
          {a.ticketNumber ? endpointText(a.ticketNumber) : yesNo(a.createsTicket)}
          {a.autoresolveMins !== null && ` · auto-resolves after ${a.autoresolveMins} min`}
        </p>
        {a.responseActions.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {a.responseActions.map((r, i) => (
              <li key={i}>
                {endpointText(r.actionType) ?? "Action"}
                {r.description ? `: ${endpointText(r.description)}` : ""}
                {r.actionTime !== null ? ` (${formatRelativeTime(r.actionTime, now)})` : ""}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h3 className="font-semibold">Other open alerts on this device</h3>
        {data.otherAlerts.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1">
            {data.otherAlerts.map((o) => (
              <li key={o.alertUid} className="flex items-center gap-2">
                <PriorityBadge priority={o.priority} />
                <button
                  type="button"
                  className="truncate text-left text-indigo-700 hover:underline dark:text-indigo-300"
                  onClick={() => props.onOpen(o.alertUid)}
                >
                  {endpointText(o.contextSummary)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {data.freshness.stale && data.freshness.reason && (
        <InlineAlert tone="warning">{data.freshness.reason}</InlineAlert>
      )}
    </div>
  );
}
