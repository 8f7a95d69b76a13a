import {
  ageTone,
  ageToneClass,
  formatDateTime,
  formatRelativeTime,
  type AgeThresholds,
} from "@/lib/format";
import { cn } from "@/lib/cn";

const DAY = 24 * 60 * 60 * 1000;

/**
 * How old is too old, per kind of timestamp. A device unseen for a day is worth a look and one
 * unseen for a week is lost; audits run daily; a machine up for a month is overdue a reboot.
 */
export const AGE_THRESHOLDS = {
  lastSeen: { agingAfterMs: DAY, staleAfterMs: 7 * DAY },
  lastAuditDate: { agingAfterMs: DAY, staleAfterMs: 7 * DAY },
  lastReboot: { agingAfterMs: 7 * DAY, staleAfterMs: 30 * DAY },
} satisfies Record<string, AgeThresholds>;

export type AgeKind = keyof typeof AGE_THRESHOLDS;

/** No timestamp: never seen or audited, but printers, ESXi hosts and switches report no reboots. */
const MISSING_TEXT: Record<AgeKind, string> = {
  lastSeen: "never",
  lastAuditDate: "never",
  lastReboot: "not reported",
};

/** "3 h ago", coloured green, amber or red by age; the exact time in the tooltip. */
export function DeviceAge(props: {
  value: number | null;
  now: number;
  kind: AgeKind;
  className?: string;
}) {
  const { value, now, kind } = props;
  const tone = ageTone(value, now, AGE_THRESHOLDS[kind]);
  if (value === null) {
    return (
      <span className={cn(ageToneClass("unknown"), props.className)}>{MISSING_TEXT[kind]}</span>
    );
  }
  return (
    <time
      dateTime={new Date(value).toISOString()}
      title={formatDateTime(value)}
      className={cn(ageToneClass(tone), props.className)}
    >
      {formatRelativeTime(value, now)}
    </time>
  );
}
