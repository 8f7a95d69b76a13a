import { cn } from "@/lib/cn";

export type MeterTone = "ok" | "warning" | "danger";

/** The tone a usage ratio deserves: amber from 75 %, red from 90 % (Datto slows calls at 90 %). */
export function meterTone(value: number, max: number): MeterTone {
  const ratio = max > 0 ? value / max : 0;
  if (ratio >= 0.9) return "danger";
  if (ratio >= 0.75) return "warning";
  return "ok";
}

const fills: Record<MeterTone, string> = {
  ok: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-600",
};

/** A horizontal usage bar (role="meter"); `label` names it, `valueText` reads it out. */
export function Meter({
  value,
  max,
  label,
  valueText,
  tone,
  className,
}: {
  value: number;
  max: number;
  label: string;
  valueText?: string;
  tone?: MeterTone;
  className?: string;
}) {
  const clamped = Math.min(Math.max(value, 0), max);
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={valueText ?? `${value} of ${max}`}
      className={cn(
        "h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700",
        className,
      )}
    >
      <div
        className={cn("h-full rounded-full", fills[tone ?? meterTone(value, max)])}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
