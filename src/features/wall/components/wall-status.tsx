import { withLocalTimes } from "@/lib/format";
import type { WallFreshness } from "../wall-freshness";
import { clockTime, formatAge } from "./wall-format";

/**
 * The loud part: STALE across the whole width, with when the numbers on screen are from and why.
 * role="alert" so it is announced when it appears.
 */
export function StaleBanner({ freshness, now }: { freshness: WallFreshness; now: number }) {
  if (!freshness.stale) return null;
  return (
    <div role="alert" className="flex items-center gap-6 bg-red-700 px-6 py-3 text-white">
      <span className="text-5xl font-black tracking-wider">STALE</span>
      <div className="min-w-0">
        <p className="text-2xl font-semibold">
          {freshness.shownSince === null
            ? "No numbers yet."
            : `The numbers below are from ${clockTime(freshness.shownSince)} (${formatAge(now - freshness.shownSince)} ago) and may be wrong.`}
        </p>
        <ul className="text-xl">
          {freshness.reasons.map((r) => (
            <li key={r} className="truncate">
              {withLocalTimes(r, now)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Last updated and the countdown to the next refresh, always on screen. */
export function FreshnessLine({ freshness, now }: { freshness: WallFreshness; now: number }) {
  const next = Math.max(0, Math.ceil((freshness.nextRefreshAt - now) / 1000));
  return (
    <p className="text-xl tabular-nums text-neutral-300">
      {freshness.shownSince === null
        ? "Waiting for the first numbers…"
        : `Updated ${clockTime(freshness.shownSince)}`}
      <span className="mx-3 text-neutral-500" aria-hidden="true">
        |
      </span>
      Next update in {next} s
    </p>
  );
}
