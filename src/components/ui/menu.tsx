import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";
import { useDismiss } from "./use-dismiss";

export type MenuItem =
  | { kind: "action"; label: string; onSelect: () => void }
  | { kind: "radio"; label: string; checked: boolean; onSelect: () => void };

export type MenuGroup = { label?: string; items: MenuItem[] };

export type MenuButtonProps = {
  /** The button's content, which names it (add sr-only words when the visible part is terse). */
  trigger: ReactNode;
  /** The accessible name of the open menu. */
  menuLabel: string;
  /** Shown at the top of the menu, not focusable (e.g. who is signed in). */
  header?: ReactNode;
  groups: MenuGroup[];
};

const itemClasses = cn(
  "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800",
  focusRing,
);

/**
 * WAI-ARIA menu button: Enter, Space or ArrowDown opens on the first item, ArrowUp on the last;
 * arrows, Home and End move; Escape closes and returns focus; Tab closes.
 */
export function MenuButton({ trigger, menuLabel, header, groups }: MenuButtonProps) {
  const [openAt, setOpenAt] = useState<"first" | "last" | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [refs] = useState(() => [buttonRef, menuRef]);
  const menuId = useId();
  const isOpen = openAt !== null;

  const close = useCallback((returnFocus: boolean) => {
    setOpenAt(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);
  const onDismiss = useCallback(
    (reason: "escape" | "outside") => close(reason === "escape"),
    [close],
  );
  useDismiss(isOpen, refs, onDismiss);

  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>("[data-menu-item]") ?? []),
  ];

  useEffect(() => {
    if (!openAt) return;
    const all = items();
    (openAt === "first" ? all[0] : all[all.length - 1])?.focus();
  }, [openAt]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpenAt(event.key === "ArrowDown" ? "first" : "last");
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const moveTo = (next: number) => {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") moveTo(index + 1);
    else if (event.key === "ArrowUp") moveTo(index - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(all.length - 1);
    else if (event.key === "Tab") close(false);
  };

  const select = (item: MenuItem) => {
    item.onSelect();
    close(true);
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? close(false) : setOpenAt("first"))}
        onKeyDown={onButtonKeyDown}
        className={cn(
          "inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
          focusRing,
        )}
      >
        {trigger}
      </button>
      {isOpen && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={menuLabel}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 top-full z-40 mt-2 w-60 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {header && <div className="px-2 py-2 text-sm">{header}</div>}
          {groups.map((group, g) => (
            <div
              key={group.label ?? g}
              role="group"
              aria-label={group.label}
              className="border-t border-slate-200 py-1 first:border-t-0 dark:border-slate-700"
            >
              {group.label && (
                <div
                  aria-hidden="true"
                  className="px-2 py-1 text-xs font-medium uppercase text-slate-500 dark:text-slate-400"
                >
                  {group.label}
                </div>
              )}
              {group.items.map((item) => (
                <button
                  key={item.label}
                  type="button"
                  data-menu-item=""
                  tabIndex={-1}
                  role={item.kind === "radio" ? "menuitemradio" : "menuitem"}
                  aria-checked={item.kind === "radio" ? item.checked : undefined}
                  onClick={() => select(item)}
                  className={itemClasses}
                >
                  {item.kind === "radio" && (
                    <span aria-hidden="true" className="w-4 text-center">
                      {item.checked ? "✓" : ""}
                    </span>
                  )}
                  {item.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
