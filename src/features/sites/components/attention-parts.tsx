import type { Attention } from "@server/contract/sites";

/** "3 critical alerts +30 · 12 offline +24": why a site ranks where it does. */
export function attentionText(attention: Attention): string {
  if (attention.parts.length === 0) return "nothing needs attention";
  return attention.parts.map((p) => `${p.label} +${p.points}`).join(" · ");
}

export function AttentionCell(props: { attention: Attention }) {
  const { attention } = props;
  const why = attentionText(attention);
  return (
    <span className="flex items-center gap-2" title={why}>
      <span className="w-8 shrink-0 text-right font-semibold tabular-nums">{attention.score}</span>
      <span className="line-clamp-2 whitespace-normal text-xs leading-4 text-slate-600 dark:text-slate-400">
        <span className="sr-only">because </span>
        {why}
      </span>
    </span>
  );
}

/** The full breakdown, for the site page. */
export function AttentionBreakdown(props: { attention: Attention }) {
  const { attention } = props;
  return (
    <div>
      <p className="text-3xl font-semibold tabular-nums">{attention.score}</p>
      {attention.parts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing needs attention.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {attention.parts.map((part) => (
            <li key={part.label} className="flex justify-between gap-3">
              <span>{part.label}</span>
              <span className="tabular-nums text-slate-600 dark:text-slate-400">
                +{part.points}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
