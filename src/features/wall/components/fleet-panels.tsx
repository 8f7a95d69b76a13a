import type { WallSummary } from "@server/contract/wall";
import { formatAge, sinceTime } from "./wall-format";

/** Servers that are offline, longest first, with since when. */
export function OfflineServers({
  offline,
  max,
  now,
}: {
  offline: WallSummary["offlineServers"];
  max: number;
  now: number;
}) {
  if (offline.total === 0) {
    return <p className="text-2xl text-emerald-300">Every server is online.</p>;
  }
  const shown = offline.servers.slice(0, max);
  const more = offline.total - shown.length;
  return (
    <div>
      <ul className="space-y-2">
        {shown.map((s) => (
          <li
            key={s.uid}
            className="flex items-baseline justify-between gap-3 rounded-lg bg-neutral-950 px-3 py-2"
          >
            <div className="min-w-0">
              <p className="truncate text-xl font-semibold text-neutral-100">{s.hostname}</p>
              <p className="truncate text-lg text-neutral-300">{s.siteName}</p>
            </div>
            <p className="shrink-0 text-right text-xl tabular-nums text-red-300">
              {s.since === null ? "since unknown" : `${formatAge(now - s.since)}`}
              {s.since !== null && (
                <span className="block text-lg text-neutral-300">
                  since {sinceTime(s.since, now)}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="mt-2 text-lg text-neutral-300">and {more} more</p>}
    </div>
  );
}

/** Sites ranked by attention (the same score the Sites screen ranks by). */
export function SitesByAttention({ sites, max }: { sites: WallSummary["sites"]; max: number }) {
  if (sites.length === 0) {
    return <p className="text-2xl text-emerald-300">No site needs attention.</p>;
  }
  return (
    <ol className="space-y-2">
      {sites.slice(0, max).map((s, i) => (
        <li
          key={s.uid}
          className="grid grid-cols-[2.5rem_1fr_auto] items-baseline gap-3 rounded-lg bg-neutral-950 px-3 py-2"
        >
          <span className="text-xl font-bold text-neutral-300">{i + 1}</span>
          <div className="min-w-0">
            <p className="truncate text-xl font-semibold text-neutral-100">{s.name}</p>
            {s.reason && <p className="truncate text-lg text-neutral-300">{s.reason}</p>}
          </div>
          <span className="text-2xl font-bold tabular-nums text-amber-200">{s.score}</span>
        </li>
      ))}
    </ol>
  );
}
