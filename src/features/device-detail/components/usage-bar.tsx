import { Meter } from "@/components/ui/meter";
import { formatBytes } from "@/lib/format";

/** Used space of a disk or datastore: a bar plus "120 GB free of 256 GB". */
export function UsageBar(props: { name: string; size: number | null; free: number | null }) {
  const { size, free } = props;
  if (size === null || free === null || size <= 0) return <span>{formatBytes(size)}</span>;
  const used = Math.max(0, size - free);
  const percent = Math.round((used / size) * 100);
  const text = `${percent}% used, ${formatBytes(free)} free of ${formatBytes(size)}`;
  return (
    <div className="min-w-48 space-y-1">
      <Meter value={used} max={size} label={`${props.name} usage`} valueText={text} />
      <p className="text-xs text-slate-600 dark:text-slate-400">{text}</p>
    </div>
  );
}
