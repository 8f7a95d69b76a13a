import { useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "@server/contract/users";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { eventQueries } from "../api/queries";

function describeDetail(detail: AuditEvent["detail"]): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}

/** The newest entries of the append-only event log: who did what, when. */
export function RecentEvents() {
  const events = useQuery(eventQueries.recent());
  const now = Date.now();
  return (
    <Card title="Recent events">
      {events.isPending ? (
        <PageSpinner label="Loading events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <ol
          className="divide-y divide-slate-200 text-sm dark:divide-slate-700"
          aria-label="Recent events, newest first"
        >
          {events.data.map((event) => (
            <li key={event.id} className="py-2">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <code className="font-medium">{event.kind}</code>
                {event.target && <span>{event.target}</span>}
                <span className="text-slate-500 dark:text-slate-400">
                  by {event.actor ?? "system"} ·{" "}
                  <time
                    dateTime={new Date(event.at).toISOString()}
                    title={formatDateTime(event.at)}
                  >
                    {formatRelativeTime(event.at, now)}
                  </time>
                </span>
              </div>
              {event.detail && (
                <p className="mt-0.5 break-words text-xs text-slate-500 dark:text-slate-400">
                  {describeDetail(event.detail)}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
