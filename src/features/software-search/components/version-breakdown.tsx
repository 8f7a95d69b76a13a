import type { SoftwareSearchResponse } from "@server/contract/software";
import { cn } from "@/lib/cn";
import { endpointText } from "@/lib/endpoint-text";

/** Versions, most common first; a click shows only that version's devices, again shows all. */
export function VersionBreakdown(props: {
  versions: SoftwareSearchResponse["versions"];
  total: number;
  selected: string | null;
  onSelect: (version: string | null) => void;
}) {
  if (props.versions.length === 0) return null;
  return (
    <section
      aria-labelledby="versions-heading"
      className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <h2 id="versions-heading" className="mb-2 text-sm font-semibold">
        Versions
      </h2>
      <ul className="max-h-96 space-y-0.5 overflow-y-auto text-sm">
        {props.versions.map((v) => {
          const isSelected = props.selected === v.version;
          const shown = endpointText(v.version) || "(none)";
          return (
            <li key={v.version}>
              <button
                type="button"
                aria-pressed={isSelected}
                title={isSelected ? "Show every version" : `Show only version ${shown}`}
                onClick={() => props.onSelect(isSelected ? null : v.version)}
                className={cn(
                  "flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800",
                  isSelected && "bg-indigo-50 font-semibold dark:bg-indigo-950",
                )}
              >
                <span className="w-32 truncate font-mono" title={shown}>
                  {shown}
                </span>
                <span
                  className="h-2 flex-1 rounded bg-slate-200 dark:bg-slate-700"
                  aria-hidden="true"
                >
                  <span
                    className="block h-2 rounded bg-indigo-500"
                    style={{ width: `${props.total > 0 ? (v.count / props.total) * 100 : 0}%` }}
                  />
                </span>
                <span className="w-12 text-right tabular-nums">{v.count.toLocaleString()}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
