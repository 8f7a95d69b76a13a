import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type InlineAlertTone = "danger" | "warning" | "info" | "success";

const tones: Record<InlineAlertTone, string> = {
  danger:
    "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  warning:
    "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  info: "border-indigo-300 bg-indigo-50 text-indigo-950 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100",
};

/** A message inside a form or panel. Danger and warning are announced (role="alert"). */
export function InlineAlert({
  tone = "danger",
  title,
  children,
  className,
}: {
  tone?: InlineAlertTone;
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  const isUrgent = tone === "danger" || tone === "warning";
  return (
    <div
      role={isUrgent ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)}
    >
      {title && <p className="font-semibold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
