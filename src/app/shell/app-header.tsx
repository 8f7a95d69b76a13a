import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/focus-ring";
import { authQueries } from "@/features/auth/api/queries";
import { HealthIndicator } from "@/features/health/components/health-indicator";
import { cn } from "@/lib/cn";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

/**
 * The top bar: the product, the screens the role may use, Datto's state and the account. On a
 * phone the nav takes its own row (scrolling sideways if it must) so Datto's state and the account
 * menu stay on screen.
 */
export function AppHeader() {
  const config = useQuery(authQueries.config());
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:py-0">
        <Link
          to="/"
          className={cn(
            "flex items-center gap-2 rounded text-base font-bold tracking-tight",
            focusRing,
          )}
        >
          <svg
            viewBox="0 0 24 24"
            className="size-5 text-indigo-600 dark:text-indigo-400"
            aria-hidden="true"
          >
            <rect
              x="3"
              y="4"
              width="18"
              height="12"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
            <path d="M8 20h8M12 16v4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          RMM Deck
        </Link>
        {config.data?.mode === "demo" && (
          <Badge tone="warning">
            <span aria-hidden="true">DEMO</span>
            <span className="sr-only">Demo mode: simulated tenant</span>
          </Badge>
        )}
        <MainNav className="order-last -mx-2 w-full overflow-x-auto sm:order-none sm:mx-0 sm:w-auto" />
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <HealthIndicator />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
