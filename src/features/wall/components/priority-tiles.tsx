import type { WallSummary } from "@server/contract/wall";
import { cn } from "@/lib/cn";
import { Sparkline, trendLabel } from "./sparkline";

const TILES = [
  { key: "critical", label: "Critical", tone: "text-red-400", line: "text-red-500" },
  { key: "high", label: "High", tone: "text-orange-300", line: "text-orange-400" },
  { key: "moderate", label: "Moderate", tone: "text-amber-200", line: "text-amber-300" },
  { key: "low", label: "Low", tone: "text-sky-300", line: "text-sky-400" },
  { key: "information", label: "Information", tone: "text-neutral-200", line: "text-neutral-400" },
] as const;

/** Open alerts by priority, each with its 24 h trend; the Critical tile flashes for new ones. */
export function PriorityTiles({
  alerts,
  flashCritical,
}: {
  alerts: WallSummary["alerts"];
  flashCritical: boolean;
}) {
  return (
    <ul
      aria-label="Open alerts by priority"
      className="grid h-full grid-cols-2 gap-4 md:grid-cols-5"
    >
      {TILES.map((tile) => {
        const count = alerts.counts[tile.key];
        const isFlashing = tile.key === "critical" && flashCritical;
        return (
          <li
            key={tile.key}
            data-flashing={isFlashing || undefined}
            className={cn(
              "flex min-w-0 flex-col justify-between rounded-lg bg-neutral-950 p-3",
              isFlashing && "ring-8 ring-red-500 motion-safe:animate-pulse",
            )}
          >
            <div className="flex items-baseline justify-between gap-2">
              <span className="text-xl font-medium text-neutral-200">{tile.label}</span>
              <span className={cn("text-6xl font-bold tabular-nums", tile.tone)}>{count}</span>
            </div>
            <Sparkline
              points={alerts.trend[tile.key]}
              label={trendLabel(tile.label, alerts.trend[tile.key], count)}
              className={cn("mt-2 h-14 w-full", tile.line)}
            />
          </li>
        );
      })}
    </ul>
  );
}
