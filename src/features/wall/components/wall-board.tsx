import type { ReactNode } from "react";
import type { WallLayout, WallSummary } from "@server/contract/wall";
import { cn } from "@/lib/cn";
import type { WallFreshness } from "../wall-freshness";
import { OfflineServers, SitesByAttention } from "./fleet-panels";
import { PriorityTiles } from "./priority-tiles";
import { DattoHealth, JobFailures, PendingApprovals } from "./status-panels";
import { UrgentAlerts } from "./urgent-alerts";
import { useRotation } from "./use-rotation";
import { clockTime } from "./wall-format";
import { WallPanel } from "./wall-panel";
import { FreshnessLine, StaleBanner } from "./wall-status";

type Panel = { id: string; title: string; body: ReactNode; className?: string };

const wallButton =
  "rounded-lg border border-neutral-600 bg-neutral-800 px-4 py-2 text-xl text-neutral-100 hover:bg-neutral-700 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-400";

/** The wall itself: header with freshness and controls, the STALE banner, the panels. */
export function WallBoard({
  summary,
  freshness,
  now,
  serverNow,
  layout,
  rotateSeconds,
  flashing,
  isSoundOn,
  onToggleSound,
}: {
  summary: WallSummary;
  freshness: WallFreshness;
  /** This browser's clock, for the countdown. */
  now: number;
  /** The server's clock now, for ages. */
  serverNow: number;
  layout: WallLayout;
  rotateSeconds: number;
  flashing: ReadonlySet<string>;
  isSoundOn: boolean;
  onToggleSound: () => void;
}) {
  const old =
    freshness.stale && freshness.shownSince !== null
      ? `as of ${clockTime(freshness.shownSince)}`
      : null;
  const isAll = layout === "all";
  const { alerts } = summary;
  const flashCritical = alerts.urgent.some((a) => flashing.has(a.alertUid));
  const urgentTitle = `Critical and High (${alerts.urgentTotal})`;
  const panels: Panel[] = isAll
    ? [
        {
          id: "priorities",
          title: `Open alerts (${alerts.counts.total})`,
          body: <PriorityTiles alerts={alerts} flashCritical={flashCritical} />,
          className: "md:col-span-3",
        },
        {
          id: "urgent",
          title: urgentTitle,
          body: <UrgentAlerts alerts={alerts} max={7} now={serverNow} flashing={flashing} />,
          className: "md:row-span-2",
        },
        {
          id: "offline",
          title: `Offline servers (${summary.offlineServers.total})`,
          body: <OfflineServers offline={summary.offlineServers} max={3} now={serverNow} />,
        },
        {
          id: "jobs",
          title: "Job failures, 24 h",
          body: <JobFailures jobs={summary.jobFailures} max={2} now={serverNow} />,
        },
        {
          id: "sites",
          title: "Sites needing attention",
          body: <SitesByAttention sites={summary.sites} max={3} />,
        },
        {
          id: "status",
          title: "Approvals and Datto",
          body: (
            <div className="space-y-4">
              <PendingApprovals approvals={summary.approvals} now={serverNow} />
              <DattoHealth datto={summary.datto} />
            </div>
          ),
        },
      ]
    : [
        {
          id: "alerts",
          title: `Open alerts (${alerts.counts.total})`,
          body: (
            <div className="flex h-full flex-col gap-4">
              <div className="h-44 shrink-0">
                <PriorityTiles alerts={alerts} flashCritical={flashCritical} />
              </div>
              <h3 className="text-2xl font-semibold text-neutral-100">{urgentTitle}</h3>
              <UrgentAlerts alerts={alerts} max={6} now={serverNow} flashing={flashing} />
            </div>
          ),
        },
        {
          id: "offline",
          title: `Offline servers (${summary.offlineServers.total})`,
          body: <OfflineServers offline={summary.offlineServers} max={9} now={serverNow} />,
        },
        {
          id: "sites",
          title: "Sites needing attention",
          body: <SitesByAttention sites={summary.sites} max={10} />,
        },
        {
          id: "work",
          title: "Jobs, approvals and Datto",
          body: (
            <div className="grid grid-cols-3 gap-8">
              <section aria-label="Job failures, 24 h">
                <h3 className="mb-3 text-2xl font-semibold text-neutral-100">Job failures, 24 h</h3>
                <JobFailures jobs={summary.jobFailures} max={10} now={serverNow} />
              </section>
              <section aria-label="Approvals">
                <h3 className="mb-3 text-2xl font-semibold text-neutral-100">Approvals</h3>
                <PendingApprovals approvals={summary.approvals} now={serverNow} />
              </section>
              <section aria-label="Datto">
                <h3 className="mb-3 text-2xl font-semibold text-neutral-100">Datto</h3>
                <DattoHealth datto={summary.datto} />
              </section>
            </div>
          ),
        },
      ];
  const rotation = useRotation(panels.length, rotateSeconds, !isAll);
  const shown = isAll ? panels : [panels[rotation.index]!];

  return (
    <main className="flex min-h-dvh flex-col bg-neutral-950 text-neutral-100 md:h-dvh md:overflow-hidden">
      <StaleBanner freshness={freshness} now={now} />
      <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
        <h1 className="truncate text-3xl font-bold">
          {summary.wall?.name ?? "NOC wall (preview)"}
        </h1>
        <FreshnessLine freshness={freshness} now={now} />
        <div className="flex items-center gap-3">
          {!isAll && (
            <nav aria-label="Panels" className="flex items-center gap-2">
              <button type="button" className={wallButton} onClick={rotation.previous}>
                Previous
              </button>
              <button type="button" className={wallButton} onClick={rotation.togglePause}>
                {rotation.isPaused ? "Resume" : "Pause"}
              </button>
              <button type="button" className={wallButton} onClick={rotation.next}>
                Next
              </button>
              <ol className="ml-2 flex gap-2">
                {panels.map((p, i) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      aria-label={`Show ${p.title}`}
                      aria-current={i === rotation.index ? "true" : undefined}
                      onClick={() => rotation.go(i)}
                      className={cn(
                        "block size-5 rounded-full border-2 border-neutral-300 focus-visible:outline-4 focus-visible:outline-sky-400",
                        i === rotation.index && "bg-neutral-100",
                      )}
                    />
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <button
            type="button"
            className={wallButton}
            aria-pressed={isSoundOn}
            onClick={onToggleSound}
          >
            Sound {isSoundOn ? "on" : "off"}
          </button>
        </div>
      </header>
      <div
        className={cn(
          "min-h-0 flex-1 px-4 pb-4",
          // A phone shows the panels one under the other; a wall screen fits them all, no scrolling.
          isAll &&
            "flex flex-col gap-4 md:grid md:grid-cols-[1.4fr_1fr_1fr] md:grid-rows-[auto_1fr_1fr]",
        )}
      >
        {shown.map((p) => (
          <WallPanel
            key={p.id}
            id={p.id}
            title={p.title}
            old={old}
            className={cn(p.className, !isAll && "h-full")}
          >
            {p.body}
          </WallPanel>
        ))}
      </div>
    </main>
  );
}
