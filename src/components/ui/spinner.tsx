import { cn } from "@/lib/cn";

/** An animated ring with a text alternative; pass label="" inside a control that already says it. */
export function Spinner({ label = "Loading…", className }: { label?: string; className?: string }) {
  return (
    <span
      role={label ? "status" : undefined}
      className={cn("inline-flex items-center gap-2", className)}
    >
      <svg className="size-4 animate-spin" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path
          d="M22 12a10 10 0 0 0-10-10"
          stroke="currentColor"
          strokeWidth="4"
          strokeLinecap="round"
        />
      </svg>
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}

export function PageSpinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="flex min-h-40 items-center justify-center gap-2 text-slate-500 dark:text-slate-400">
      <Spinner label="" />
      <span role="status">{label}</span>
    </div>
  );
}
