import type { ReactNode } from "react";

/** Says plainly that there is nothing here, and optionally what to do about it. */
export function EmptyState({
  title,
  titleAs: Title = "p",
  children,
  action,
}: {
  title: string;
  /** "h1" when the empty state is the whole screen (not found, no access): it names the page. */
  titleAs?: "p" | "h1" | "h2";
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <Title className="font-medium text-slate-800 dark:text-slate-100">{title}</Title>
      {children && (
        <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>
      )}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
