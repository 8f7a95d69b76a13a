import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { eventQueries } from "../api/queries";
import { describeEvent } from "../event-text";

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
          {events.data.map((event) => {
            const { action, detail } = describeEvent(event);
            // A failed sign-in has no actor: who tried is the target.
            const who = event.actor ?? event.target ?? "System";
            return (
              <li key={event.id} className="py-2">
                <p>
                  <span className="font-medium">{who}</span> {action}
                  {event.target && event.target !== who && (
                    <>
                      {" "}
                      <span className="font-medium">{event.target}</span>
                    </>
                  )}{" "}
                  <span className="text-slate-500 dark:text-slate-400">
                    ·{" "}
                    <time
                      dateTime={new Date(event.at).toISOString()}
                      title={formatDateTime(event.at)}
                    >
                      {formatRelativeTime(event.at, now)}
                    </time>
                  </span>
                </p>
                {detail && (
                  <p className="mt-0.5 break-words text-xs text-slate-500 dark:text-slate-400">
                    {detail}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
