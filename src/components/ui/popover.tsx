import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";
import { useDismiss } from "./use-dismiss";

export type PopoverProps = {
  /** Content of the trigger button. */
  trigger: ReactNode;
  /** Accessible name of the trigger when its content is not enough. */
  triggerLabel?: string;
  triggerClassName?: string;
  /** Accessible name of the panel. */
  panelLabel: string;
  align?: "start" | "end";
  /** Overrides the panel's default width. */
  panelClassName?: string;
  children: ReactNode;
};

/** A button that shows a non-modal panel of information; Escape or a click outside closes it. */
export function Popover({
  trigger,
  triggerLabel,
  triggerClassName,
  panelLabel,
  align = "end",
  panelClassName,
  children,
}: PopoverProps) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [refs] = useState(() => [buttonRef, panelRef]);
  const panelId = useId();
  const onDismiss = useCallback((reason: "escape" | "outside") => {
    setIsOpen(false);
    if (reason === "escape") buttonRef.current?.focus();
  }, []);
  useDismiss(isOpen, refs, onDismiss);

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={triggerLabel}
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => setIsOpen((open) => !open)}
        className={cn(focusRing, triggerClassName)}
      >
        {trigger}
      </button>
      {isOpen && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={panelLabel}
          className={cn(
            "absolute top-full z-40 mt-2 max-h-[70vh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
            panelClassName ?? "w-80 max-w-[calc(100vw-2rem)]",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          {children}
        </div>
      )}
    </div>
  );
}
