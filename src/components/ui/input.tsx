import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";

export const controlClasses = cn(
  "block rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400",
  "aria-[invalid=true]:border-red-500 disabled:opacity-60",
  "dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100",
  focusRing,
);

/** Full width unless the caller sets a width class (w-*). */
export function widthClass(className: string | undefined): string | false {
  return !/(^|\s)w-/.test(className ?? "") && "w-full";
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input className={cn(controlClasses, widthClass(className), "h-10", className)} {...props} />
  );
}
