import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A titled panel. The title is a heading at `level` (default h2) so the page outline stays sane. */
export function Card({
  title,
  level = 2,
  actions,
  className,
  children,
}: {
  title?: ReactNode;
  level?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      className={cn(
        // min-w-0: in a grid, a card shrinks to its track and cuts long lines instead of widening it.
        "min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900",
        className,
      )}
    >
      {(title || actions) && (
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
          {title && (
            <Heading className="text-base font-semibold text-slate-900 dark:text-slate-100">
              {title}
            </Heading>
          )}
          {actions && <div className="flex items-center gap-2">{actions}</div>}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}
