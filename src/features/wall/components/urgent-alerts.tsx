import type { WallSummary } from "@server/contract/wall";
import { cn } from "@/lib/cn";
import { formatAge } from "./wall-format";

/** Critical and High alerts, newest first: what, where, how long, who has it. */
export function UrgentAlerts({
  alerts,
  max,
  now,
  flashing,
}: {
  alerts: WallSummary["alerts"];
  max: number;
  /** The server's clock now, so ages are right whatever the wall's clock says. */
  now: number;
  flashing: ReadonlySet<string>;
}) {
  if (alerts.urgentTotal === 0) {
    return <p className="text-2xl text-emerald-300">No open Critical or High alerts.</p>;
  }
  const shown = alerts.urgent.slice(0, max);
  const more = alerts.urgentTotal - shown.length;
  return (
    <div>
      <ul className="space-y-2">
        {shown.map((a) => (
          <li
            key={a.alertUid}
            data-flashing={flashing.has(a.alertUid) || undefined}
            className={cn(
              "grid grid-cols-[7rem_1fr_auto] items-center gap-3 rounded-lg bg-neutral-950 px-3 py-2",
              flashing.has(a.alertUid) && "ring-4 ring-red-500 motion-safe:animate-pulse",
            )}
          >
            <span
              className={cn(
                "rounded px-2 py-1 text-center text-lg font-bold",
                a.priority === "Critical"
                  ? "bg-red-700 text-white"
                  : "bg-orange-300 text-neutral-950",
              )}
            >
              {a.priority}
            </span>
            <div className="min-w-0">
              <p className="truncate text-xl text-neutral-100">{a.summary}</p>
              <p className="truncate text-lg text-neutral-300">
                {a.deviceName ?? "Unknown device"}
                {a.siteName ? ` · ${a.siteName}` : ""}
              </p>
            </div>
            <div className="text-right">
              <p className="text-xl font-semibold tabular-nums text-neutral-100">
                {a.raisedAt === null ? "—" : formatAge(now - a.raisedAt)}
              </p>
              <p className={cn("text-lg", a.claimedBy ? "text-sky-300" : "text-neutral-400")}>
                {a.claimedBy ? `Claimed by ${a.claimedBy}` : "Unclaimed"}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="mt-2 text-lg text-neutral-300">and {more} more</p>}
    </div>
  );
}
