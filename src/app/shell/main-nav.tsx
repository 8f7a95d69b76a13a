import { NavLink } from "react-router";
import { focusRing } from "@/components/ui/focus-ring";
import { cn } from "@/lib/cn";
import { usePermissions } from "@/lib/session";
import { navItemsFor } from "../nav-items";

/** Only the screens the signed-in person may use (the server enforces the same permissions). */
export function MainNav(props: { className?: string }) {
  const items = navItemsFor(usePermissions());
  if (items.length === 0) return null;
  return (
    <nav aria-label="Main" className={props.className}>
      <ul className="flex items-center gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) =>
                cn(
                  "flex items-center whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
                  isActive
                    ? "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-50",
                  focusRing,
                )
              }
            >
              {item.label}
              {item.badge && <item.badge />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
