import type { AlertCounts } from "@server/contract/alerts";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const PRIORITIES = ["critical", "high", "moderate", "low", "information"] as const;

const SHOWN: Record<(typeof PRIORITIES)[number], { short: string; tone: BadgeTone }> = {
  critical: { short: "Crit", tone: "danger" },
  high: { short: "High", tone: "warning" },
  moderate: { short: "Mod", tone: "info" },
  low: { short: "Low", tone: "neutral" },
  information: { short: "Info", tone: "neutral" },
};

/** "1 critical, 2 high": the words behind an alert count. */
function alertCountsText(counts: AlertCounts): string {
  const parts = PRIORITIES.filter((p) => counts[p] > 0).map((p) => `${counts[p]} ${p}`);
  return parts.length > 0 ? parts.join(", ") : "no open alerts";
}

/** Open alerts by priority as small badges; a dash when there are none. */
export function AlertCountBadges(props: { counts: AlertCounts }) {
  const { counts } = props;
  if (counts.total === 0) return <span className="text-slate-500">—</span>;
  return (
    <span className="flex gap-1" title={alertCountsText(counts)}>
      {PRIORITIES.filter((p) => counts[p] > 0).map((p) => (
        <Badge key={p} tone={SHOWN[p].tone}>
          {counts[p]} <span aria-hidden="true">{SHOWN[p].short}</span>
          <span className="sr-only">{p}</span>
        </Badge>
      ))}
    </span>
  );
}

/** One badge with the total, coloured by the worst priority; the breakdown in its tooltip. */
export function OpenAlertsBadge(props: { counts: AlertCounts }) {
  const { counts } = props;
  if (counts.total === 0) return <span className="text-slate-500">0</span>;
  const worst = PRIORITIES.find((p) => counts[p] > 0) ?? "information";
  return (
    <span title={alertCountsText(counts)}>
      <Badge tone={SHOWN[worst].tone}>
        {counts.total}
        <span className="sr-only"> open alerts: {alertCountsText(counts)}</span>
      </Badge>
    </span>
  );
}
