import { Outlet, useNavigation } from "react-router";
import { focusRing } from "@/components/ui/focus-ring";
import { WritesPausedBanner } from "@/features/settings/components/writes-paused-banner";
import { cn } from "@/lib/cn";
import { useLiveUpdates } from "../live-updates";
import { AppHeader } from "./app-header";

/** The signed-in frame: skip link, header with nav, and the current screen. */
export function AppShell() {
  const isNavigating = useNavigation().state === "loading";
  // The shell renders only for a signed-in person (RequireSession wraps it).
  useLiveUpdates(true);
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        onClick={(event) => {
          // Focus without touching the URL: a hash would become a history entry in the router.
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
        className={cn(
          "sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 dark:bg-slate-900 dark:text-indigo-300",
          focusRing,
        )}
      >
        Skip to main content
      </a>
      <AppHeader />
      <WritesPausedBanner />
      <div
        aria-hidden="true"
        className={cn(
          "h-0.5 bg-indigo-500 transition-opacity",
          isNavigating ? "opacity-100" : "opacity-0",
        )}
      />
      {/* Full width: data screens need every pixel; forms and lists set their own measure. */}
      <main id="main" tabIndex={-1} className="px-4 py-6 outline-none">
        <Outlet />
      </main>
    </div>
  );
}
