import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { settingsQueries } from "../api/queries";

/** Shown in the shell on every screen while the kill switch is on. */
export function WritesPausedBanner() {
  const settings = useQuery(settingsQueries.current()).data;
  if (!settings?.writesPaused) return null;
  return (
    <div role="status" className="bg-red-600 px-4 py-2 text-sm font-medium text-white">
      Writes to Datto are paused{settings.pausedBy ? ` by ${settings.pausedBy}` : ""}
      {settings.pausedAt ? ` since ${formatDateTime(settings.pausedAt)}` : ""}: no alert is resolved
      and no job runs, for people and agents, approved proposals included, until an admin resumes
      them.
    </div>
  );
}
