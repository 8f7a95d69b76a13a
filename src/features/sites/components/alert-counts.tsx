import type { AlertCounts } from "@server/contract/alerts";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const SHOWN: Array<{ key: keyof AlertCounts; short: string; tone: BadgeTone }> = [
  { key: "critical", short: "Crit", tone: "danger" },
  { key: "high", short: "High", tone: "warning" },
  { key: "moderate", short: "Mod", tone: "info" },
  { key: "low", short: "Low", tone: "neutral" },
];

/** Open alerts by priority as small badges; nothing but a dash when there are none. */
export function AlertCountBadges(props: { counts: AlertCounts }) {
  const { counts } = props;
  if (counts.total === 0) return <span className="text-slate-500">—</span>;
  return (
    <span className="flex gap-1">
      {SHOWN.filter((s) => counts[s.key] > 0).map((s) => (
        <Badge key={s.key} tone={s.tone}>
          {counts[s.key]} <span aria-hidden="true">{s.short}</span>
          <span className="sr-only">{s.key}</span>
        </Badge>
      ))}
      {counts.information > 0 && (
        <Badge>
          {counts.information} <span aria-hidden="true">Info</span>
          <span className="sr-only">information</span>
        </Badge>
      )}
    </span>
  );
}
