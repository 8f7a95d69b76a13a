import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * One panel of the wall: a heading people can read across the room and, while the wall is STALE,
 * a mark that the numbers in it are old (they stay visible: old numbers beat a blank wall).
 */
export function WallPanel({
  id,
  title,
  old,
  extra,
  className,
  children,
}: {
  id: string;
  title: string;
  /** "as of 10:03:50" while stale, else null. */
  old: string | null;
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`wall-${id}`}
      className={cn(
        "flex min-h-0 min-w-0 flex-col rounded-xl border bg-neutral-900 p-4",
        old ? "border-dashed border-amber-400" : "border-neutral-700",
        className,
      )}
    >
      <header className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={`wall-${id}`} className="truncate text-2xl font-semibold text-neutral-100">
          {title}
        </h2>
        <div className="flex shrink-0 items-baseline gap-3 text-lg whitespace-nowrap text-neutral-300">
          {extra}
          {old && (
            <span className="rounded bg-amber-300 px-2 py-0.5 font-bold text-neutral-950">
              OLD · {old}
            </span>
          )}
        </div>
      </header>
      <div className={cn("min-h-0 flex-1 overflow-hidden", old && "opacity-75")}>{children}</div>
    </section>
  );
}
