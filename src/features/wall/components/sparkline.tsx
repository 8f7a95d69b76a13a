/**
 * A 24 h trend line, drawn as SVG so it stays sharp at any size (4K walls). Minutes without a
 * sample (the server or Datto was down) are gaps, not zeros.
 */
export function Sparkline({
  points,
  label,
  className,
}: {
  points: ReadonlyArray<number | null>;
  label: string;
  className?: string;
}) {
  const max = Math.max(1, ...points.map((p) => p ?? 0));
  const width = Math.max(1, points.length - 1);
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${i},${(40 - (p / max) * 36 - 2).toFixed(2)}`);
  });
  if (current.length) segments.push(current.join(" "));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} 40`}
      preserveAspectRatio="none"
      className={className}
    >
      <line
        x1={0}
        y1={38}
        x2={width}
        y2={38}
        stroke="currentColor"
        strokeOpacity={0.35}
        strokeDasharray="4 4"
        vectorEffect="non-scaling-stroke"
      />
      {segments.map((s) =>
        s.includes(" ") ? (
          <polyline
            key={s}
            points={s}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            strokeLinejoin="round"
          />
        ) : (
          // One sample alone: a short flat stroke (a circle would be squashed by the stretch).
          <polyline
            key={s}
            points={`${Number(s.split(",")[0]) - 0.5},${s.split(",")[1]} ${Number(s.split(",")[0]) + 0.5},${s.split(",")[1]}`}
            fill="none"
            stroke="currentColor"
            strokeWidth={4}
            vectorEffect="non-scaling-stroke"
          />
        ),
      )}
    </svg>
  );
}

/** "Critical over the last 24 h: 3 now, peak 7" for screen readers. */
export function trendLabel(name: string, points: ReadonlyArray<number | null>, now: number) {
  const known = points.filter((p): p is number => p !== null);
  if (known.length === 0) return `${name} over the last 24 h: no samples yet`;
  return `${name} over the last 24 h: ${now} now, peak ${Math.max(...known)}`;
}
